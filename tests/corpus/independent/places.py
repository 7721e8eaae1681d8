"""Hand-written postal addresses for the independent slice, in each country's own format.

One address per line: ``country | line ; line ; ...``. Inside the lines, ``{...}`` marks a
street line (or building line), ``<...>`` a PO box and ``[...]`` a postcode: the parts that
identify a place and so count as a leak when left behind (a city alone does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import places_more

_RAW = """
US | {1847 Larkspur Avenue}, Apt 4B ; Boulder, CO [80302]
US | {3301 N. Kedzie Ave}, Suite 210 ; Chicago, IL [60618]
US | <P.O. Box 2211> ; Tacoma, WA [98401]
US | {77 Harborview Drive} ; Portland, ME [04101]
US | {12 Old Mill Road} ; Rhinebeck, NY [12572]
US | {4500 Westheimer Rd}, Ste 1200 ; Houston, TX [77027]
US | {918 Piedmont Ave NE} ; Atlanta, GA [30309]
US | {2250 Mission Street}, Floor 3 ; San Francisco, CA [94110]
US | {600 Delaware Ave}, Unit 12 ; Buffalo, NY [14202]
US | {15 Commerce Pkwy} ; Hershey, PA [17033]
US | <PO Box 48201> ; Phoenix, AZ [85075-8201]
US | {8721 Cypress Creek Blvd} ; Tampa, FL [33647]
US | {310 S. Main St.}, #5 ; Ann Arbor, MI [48104]
US | {1 Riverfront Plaza}, 14th Floor ; Newark, NJ [07102]
US | {4127 Magnolia Ridge Ct} ; Cary, NC [27519]
US | <P.O. Box 907> ; Bozeman, MT [59771]
US | {555 Capitol Mall}, Suite 800 ; Sacramento, CA [95814]
US | {2901 Fairmount Street} ; Dallas, TX [75201]
US | {44 Beacon Hill Road} ; Concord, MA [01742]
UK | Flat 3, {27 Lower Clapton Road} ; London ; [E5 0NS]
UK | {14 Marchmont Crescent} ; Edinburgh ; [EH9 1HN]
UK | <PO Box 7731> ; Manchester ; [M60 3LD]
UK | {Unit 6, Brindley Court} ; {Dudley Road} ; Birmingham ; [B18 7QN]
UK | {221 Castle Street} ; Cardiff ; [CF10 1BT]
UK | {9 Ropewalk} ; Nottingham ; [NG1 5DU]
UK | {The Old Rectory}, {Church Lane} ; Little Snoring ; Norfolk ; [NR21 0AX]
UK | {48 Albert Embankment} ; London ; [SE1 7TP]
UK | {112 Bold Street} ; Liverpool ; [L1 4HY]
UK | {7 Queen's Parade} ; Cheltenham ; [GL50 3BB]
UK | <PO Box 119> ; Belfast ; [BT1 9AE]
UK | {33 Deansgate} ; Manchester ; [M3 2BW]
UK | {Apartment 12, Wharf House}, {3 Canal Street} ; Leeds ; [LS11 5PL]
UK | {16 Brunswick Square} ; Hove ; [BN3 1EH]
UK | {5 St Andrew’s Row} ; Glasgow ; [G1 5DQ]
UK | {102 Woodstock Road} ; Oxford ; [OX2 7NF]
UK | {61 Park Row} ; Bristol ; [BS1 5LH]
DE | {Müllerstraße 42} ; [13353] Berlin
DE | {Schwanthalerstr. 17a} ; [80336] München
DE | <Postfach 10 12 34> ; [20008] Hamburg
DE | {Am Sandtorkai 54} ; [20457] Hamburg
DE | {Königsallee 92} ; [40212] Düsseldorf
DE | {Hohenzollernring 2–10} ; [50672] Köln
DE | {Gutenbergplatz 3} ; [55116] Mainz
DE | {Weißenburger Straße 8} ; [81667] München
DE | {Lindenweg 5} ; [01097] Dresden
DE | <Postfach 1160> ; [73401] Aalen
DE | {Rheinuferstraße 21} ; [67061] Ludwigshafen am Rhein
DE | {Industriestr. 14–16} ; [71229] Leonberg
DE | {Kaiser-Wilhelm-Ring 40} ; [50668] Köln
DE | {Bahnhofstraße 7} ; [91052] Erlangen
AT | {Mariahilfer Straße 88/3/12} ; [1070] Wien ; Österreich
CH | {Bahnhofstrasse 45} ; [8001] Zürich ; Schweiz
FR | {12, rue de la Paix} ; [75002] Paris
FR | {45 avenue Jean Jaurès} ; [69007] Lyon
FR | <BP 4521> ; [13097] Marseille Cedex 02
FR | {8, boulevard Haussmann} ; [75009] Paris
FR | {3 place du Capitole} ; [31000] Toulouse
FR | {17 quai des Chartrons} ; [33300] Bordeaux
FR | {Résidence Les Pins}, {14 allée des Cèdres} ; [44300] Nantes
FR | {22 rue Nationale} ; [59800] Lille
FR | <CS 70123> ; [67081] Strasbourg Cedex
FR | {5 impasse du Moulin} ; [35000] Rennes
FR | {101 cours Lafayette} ; [69006] Lyon
FR | {9 rue Sainte-Catherine} ; [33000] Bordeaux
BE | {Rue de la Loi 155} ; [1040] Bruxelles ; Belgique
JP | 〒[150-0002] ; 東京都渋谷区{渋谷2丁目21番1号}
JP | 〒[530-0001] ; 大阪府大阪市北区{梅田3-1-3}
JP | 〒[460-0008] ; 愛知県名古屋市中区{栄4-16-36}
JP | 〒[060-0005] ; 北海道札幌市中央区{北5条西2-5}
JP | 〒[812-0012] ; 福岡県福岡市博多区{博多駅中央街1-1}
JP | 〒[604-8005] ; 京都府京都市中京区{河原町通三条上る恵比須町427}
JP | 〒[231-0023] ; 神奈川県横浜市中区{山下町10}
JP | {1-9-1 Marunouchi}, Chiyoda-ku ; Tokyo [100-0005]
JP | {Sumitomo Fudosan Bldg. 5F}, {3-4-7 Nishi-Shinjuku}, Shinjuku-ku ; Tokyo [160-0023]
JP | {4-1-1 Minatomirai}, Nishi-ku ; Yokohama, Kanagawa [220-0012]
JP | {2-11-16 Sonezaki}, Kita-ku ; Osaka [530-0057]
JP | <Tokyo Central P.O. Box 1042> ; Tokyo [100-8994]
JP | {5-2 Kitahama 2-chome}, Chuo-ku ; Osaka [541-0041]
IN | {Flat 402, Prestige Shantiniketan}, {Whitefield Main Road} ; Bengaluru, Karnataka [560066]
IN | {14, 3rd Cross Road}, Indiranagar ; Bengaluru [560038]
IN | {B-204, Sector 62} ; Noida, Uttar Pradesh [201309]
IN | {22 Nehru Place} ; New Delhi [110019]
IN | {Plot 7, MIDC Industrial Area}, Andheri East ; Mumbai, Maharashtra [400093]
IN | {Door No. 5-9-22}, {Adarsh Nagar} ; Hyderabad, Telangana [500063]
IN | {41/2 Anna Salai} ; Chennai, Tamil Nadu [600002]
IN | <Post Box No. 1132> ; Kochi, Kerala [682011]
IN | {House 17, Lane 4}, {Koregaon Park} ; Pune [411001]
IN | {9 Camac Street} ; Kolkata, West Bengal [700017]
IN | {SCO 45, Sector 17-C} ; Chandigarh [160017]
IN | {C-12, Vaishali Nagar} ; Jaipur, Rajasthan [302021]
BR | {Av. Paulista, 1578} - Bela Vista ; São Paulo - SP ; [01310-200]
BR | {Rua das Laranjeiras, 315}, apto 702 ; Rio de Janeiro - RJ ; [22240-003]
BR | <Caixa Postal 4521> ; Curitiba - PR ; [80011-970]
BR | {Rua XV de Novembro, 1200} ; Blumenau - SC ; [89010-001]
BR | {SQS 308 Bloco C}, apto 201 ; Brasília - DF ; [70355-030]
BR | {Av. Sete de Setembro, 2550} ; Salvador - BA ; [40080-001]
BR | {Rua Padre Chagas, 79} ; Porto Alegre - RS ; [90570-080]
BR | {Av. Afonso Pena, 3111} ; Belo Horizonte - MG ; [30130-008]
BR | {Rua Oscar Freire, 909} ; São Paulo - SP ; [01426-001]
BR | <Caixa Postal 66> ; Recife - PE ; [50001-970]
NL | {Keizersgracht 123-II} ; [1015 CJ] Amsterdam
NL | {Coolsingel 40} ; [3011 AD] Rotterdam
NL | <Postbus 2045> ; [3500 GA] Utrecht
NL | {Laan van Meerdervoort 52} ; [2517 AM] Den Haag
NL | {Stationsplein 9} ; [5611 AB] Eindhoven
ES | {Calle de Alcalá, 48}, 3º izq. ; [28014] Madrid
ES | {Passeig de Gràcia, 92} ; [08008] Barcelona
ES | <Apartado de Correos 1021> ; [46080] Valencia
ES | {Avenida de la Constitución 12} ; [41004] Sevilla
IT | {Via Roma 15} ; [10121] Torino TO
IT | {Corso Buenos Aires 33} ; [20124] Milano MI
IT | <Casella Postale 88> ; [00187] Roma
IT | {Piazza della Signoria 5} ; [50122] Firenze FI
CA | {1200 rue Sherbrooke Ouest}, bureau 400 ; Montréal (Québec) [H3A 1H6]
CA | {88 Queens Quay West}, Unit 2500 ; Toronto, ON [M5J 0B8]
CA | <PO Box 1630>, Station Main ; Vancouver, BC [V6C 2P7]
CA | {10145 Jasper Avenue NW} ; Edmonton, AB [T5J 1W8]
AU | {Level 9, 60 Martin Place} ; Sydney NSW [2000]
AU | {14 Lygon Street} ; Carlton VIC [3053]
AU | <PO Box 7412> ; Cloisters Square WA [6850]
AU | {3/27 Hastings Street} ; Noosa Heads QLD [4567]
PL | {ul. Marszałkowska 84/92}, lok. 109 ; [00-514] Warszawa
PL | {ul. Floriańska 21} ; [31-019] Kraków
PL | <Skrytka pocztowa 42> ; [80-958] Gdańsk
NG | {Plot 1024, Adeola Odeku Street}, Victoria Island ; Lagos [101241]
NG | {12 Aminu Kano Crescent}, Wuse II ; Abuja [904101]
NG | <P.M.B. 5112> ; Ibadan, Oyo State [200001]
TR | {Büyükdere Caddesi No: 185}, Levent ; [34394] Şişli/İstanbul
KR | 서울특별시 강남구 {테헤란로 152} ([06236])
CN | 上海市浦东新区{世纪大道100号} [200120]
AE | <P.O. Box 50217> ; Dubai ; United Arab Emirates
SG | {1 Raffles Place}, #20-61 ; Singapore [048616]
ZA | {33 Baker Street}, Rosebank ; Johannesburg [2196]
MX | {Av. Paseo de la Reforma 505}, Col. Cuauhtémoc ; [06500] Ciudad de México, CDMX
CZ | {Vodičkova 36} ; [110 00] Praha 1
CZ | {Masarykova 12} ; [602 00] Brno
CZ | {Náměstí Míru 15} ; [120 00] Praha 2
SK | {Obchodná 52} ; [811 06] Bratislava
SK | {Hlavná 68} ; [040 01] Košice
PT | {Rua Augusta, 274}, 2.º Esq. ; [1100-053] Lisboa
PT | {Avenida da Boavista, 1203} ; [4100-130] Porto
PT | <Apartado 1045> ; [4711-911] Braga
NO | {Storgata 12} ; [0155] Oslo
NO | {Bryggen 15} ; [5003] Bergen
NO | <Postboks 1504 Vika> ; [0117] Oslo
SE | {Drottninggatan 53} ; [111 21] Stockholm
SE | <Box 7042> ; [103 86] Stockholm
SE | {Kungsportsavenyen 21} ; [411 36] Göteborg
DK | {Vesterbrogade 3}, 2. tv ; [1620] København V
DK | {Store Torv 4} ; [8000] Aarhus C
FI | {Mannerheimintie 12 B 5} ; [00100] Helsinki
IE | {12 Merrion Square} ; Dublin 2 ; [D02 X285]
KR | {152 Teheran-ro}, Gangnam-gu ; Seoul [06236]
KR | 부산광역시 해운대구 {센텀중앙로 79} ([48058])
KR | {17F, 55 Sejong-daero}, Jung-gu ; Seoul [04519]
CN | {No. 100 Century Avenue}, Pudong New District ; Shanghai [200120]
CN | 北京市朝阳区{建国路88号} [100022]
CN | {Room 1203, 88 Jianguo Road}, Chaoyang District ; Beijing [100022]
CN | 广东省深圳市南山区{科技园南区深南大道9988号} [518057]
IN | {12, MG Road} ; Bengaluru - [560001]
IN | {Flat 7B, Sea Breeze Apartments}, {Carter Road}, Bandra West ; Mumbai – [400 050]
IN | {No. 45, Gandhi Street}, T. Nagar ; Chennai, PIN: [600017]
AU | Unit 4, {12 Smith St} ; Fitzroy VIC [3065]
AU | {Shop 3, 45 Beach Road} ; Surfers Paradise QLD [4217]
AU | <GPO Box 1289> ; Brisbane QLD [4001]
CA | {24 Sussex Drive} ; Ottawa ON [K1M 1M4]
CA | <C.P. 6128>, succursale Centre-ville ; Montréal QC [H3C 3J7]
CA | {350 Bay Street}, Suite 700 ; Toronto, Ontario ; [M5H 2S6]
MX | {Calle Durango 247}, Col. Roma Norte ; C.P. [06700] ; Ciudad de México
MX | {Av. Vallarta 1525}, Col. Americana ; [44160] Guadalajara, Jal.
ES | <Apdo. de Correos 312> ; [29080] Málaga
ES | {C/ Gran Vía 28}, 4ºB ; [28013] Madrid
AR | {Av. Corrientes 1234}, Piso 5 ; [C1043AAZ] CABA
CL | {Av. Providencia 1208}, Of. 501 ; Providencia ; Santiago [7500000]
US | {350 5th Avenue}, 34th Floor ; New York, NY [10118]
US | {1200 W 7th St} ; Los Angeles CA [90017]
UK | Flat 2/1, {45 Byres Road} ; Glasgow ; [G11 5RG]
UK | {Unit 3, Riverside Business Park}, {Stoney Common Road} ; Stansted ; [CM24 8PL]
RU | {ул. Тверская, д. 7}, кв. 12 ; Москва ; [125009]
BR | {Rua Augusta, 1500}, conj. 12 ; Consolação ; São Paulo - SP ; CEP [01304-001]
BR | {Avenida Brigadeiro Faria Lima, 3477} ; São Paulo - SP, [04538-133]
PL | {ul. Piotrkowska 104}, m. 5 ; [90-926] Łódź
PL | {al. Jerozolimskie 65/79} ; [00-697] Warszawa
HU | {Andrássy út 52} ; [1062] Budapest
RO | {Str. Lipscani nr. 12} ; [030031] București
DE | {Unter den Linden 77} ; [10117] Berlin
CH | {Rue du Rhône 48} ; [1204] Genève
NZ | {15 Queen Street}, Auckland CBD ; Auckland [1010]
IL | {Rothschild Blvd 22} ; Tel Aviv-Yafo [6688218]
GR | {Odos Ermou 25} ; [105 63] Athina
"""

COUNTRY_NAMES = {
    "US": "USA", "UK": "United Kingdom", "DE": "Germany", "AT": "", "CH": "", "FR": "France",
    "BE": "", "JP": "Japan", "IN": "India", "BR": "Brasil", "NL": "Nederland", "ES": "España",
    "IT": "Italia", "CA": "Canada", "AU": "Australia", "PL": "Polska", "NG": "Nigeria",
    "TR": "Türkiye", "KR": "Republic of Korea", "CN": "China", "AE": "", "SG": "", "ZA": "South Africa",
    "MX": "México", "CZ": "Česká republika", "SK": "Slovensko", "PT": "Portugal",
    "NO": "Norge", "SE": "Sverige", "DK": "Danmark", "FI": "Suomi", "IE": "Ireland",
    "AR": "Argentina", "CL": "Chile", "RU": "Россия", "HU": "Magyarország", "RO": "România",
    "NZ": "New Zealand", "IL": "Israel", "GR": "Greece",
}  # fmt: skip
COUNTRY_NAMES.update(places_more.COUNTRY_NAMES)
_MARK = re.compile(r"\{([^}]*)\}|<([^>]*)>|\[([^\]]*)\]")
_UNIT_WORDS = frozenset(
    "flat apt apartment unit suite ste floor level house plot door no no. bureau lok. apto "
    "bloco sco ul. street road avenue ave st. st rd straße str. rue via calle the sector no: "
    "al. c/ ул. д. room shop odos"
    "".split()
)
_CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class Address:
    id: str
    country: str
    lines: tuple[str, ...]  # as written, markup removed
    streets: tuple[str, ...]
    po_boxes: tuple[str, ...]
    postcodes: tuple[str, ...]

    @property
    def block(self) -> str:
        """The address as a letter's address block (one line per line)."""
        return "\n".join(self.lines)

    @property
    def one_line(self) -> str:
        return ", ".join(self.lines)

    @property
    def parts(self) -> frozenset[str]:
        """Street lines, PO boxes, postcodes, and each street's name without its numbers."""
        out = set(self.streets) | set(self.po_boxes) | set(self.postcodes)
        for street in self.streets:
            out |= set(street_names(street))
        return frozenset(out)


def street_names(street: str) -> list[str]:
    """ "1847 Larkspur Avenue" -> ["Larkspur Avenue"]; "渋谷2丁目21番1号" -> ["渋谷"]."""
    if _CJK.search(street):
        first = re.match(r"\D+", street)
        name = first.group(0).strip() if first else ""
        return [name] if len(name) >= 2 else []
    names = []
    for run in re.split(r"[^\s]*\d[^\s]*", street):  # the words between numbers
        words = [w for w in run.strip(" ,.-–#/").split() if w]
        while words and words[0].casefold().strip(",") in _UNIT_WORDS:
            words.pop(0)
        while words and words[-1].casefold() in ("no", "no.", "no:"):
            words.pop()
        text = " ".join(words).strip(" ,")
        if len(text) >= 6 and any(w.casefold() not in _UNIT_WORDS for w in words):
            names.append(text)
    return names


def _parse(line: str, n: int) -> Address:
    country, rest = (c.strip() for c in line.split("|", 1))
    streets, boxes, codes = [], [], []
    for m in _MARK.finditer(rest):
        s, b, c = m.groups()
        (streets if s is not None else boxes if b is not None else codes).append(
            s if s is not None else b if b is not None else c
        )
    plain = _MARK.sub(lambda m: next(g for g in m.groups() if g is not None), rest)
    lines = tuple(x.strip() for x in plain.split(";") if x.strip())
    return Address(f"A{n:03d}", country, lines, tuple(streets), tuple(boxes), tuple(codes))


#: how many addresses the list had before issue 18's fifth round (places_more.py): the kinds
#: slices, whose pictures were checked to be read back by OCR, still draw from these only
FIRST_ROUNDS = sum(1 for ln in _RAW.strip().splitlines() if ln.strip())


@cache
def addresses() -> tuple[Address, ...]:
    raw = _RAW + places_more.RAW
    rows = [ln for ln in raw.strip().splitlines() if ln.strip()]
    return tuple(_parse(ln, i + 1) for i, ln in enumerate(rows))
