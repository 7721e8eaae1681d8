"""Hand-written person names for the independent slice (not Faker, not any engine list).

One identity per line: ``culture | written form ; written form ... | e-mail local part``.
The family name is between slashes (GEDCOM style), so "/Nguyễn/ Thị Minh Anh" is written
family-first and "Olga /Kuznetsova/" given-first; a second form is the same person in another
script. The documents derive the other forms people really write (``Kuznetsova, Olga``,
``KUZNETSOVA Olga``, ``O. Kuznetsova``, ``Olga Kuznetsova/LON/ECT@ECT``, ``Hi Olga,``) from
the first Latin form. The e-mail local part is given only where the name has no Latin form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

_RAW = """
ru | Olga Sergeyevna /Kuznetsova/ ; Ольга Сергеевна /Кузнецова/
ru | Alexey /Smirnov/ ; /Смирнов/ Алексей Викторович
ru | Dmitry /Volkov/ ; Дмитрий /Волков/
ru | Ekaterina /Morozova/ ; Екатерина /Морозова/
ru | Igor /Lebedev/ ; Игорь /Лебедев/
ru | Natalia /Sokolova/ ; Наталья /Соколова/
ru | Sergei /Pavlov/ ; Сергей /Павлов/
ru | Anastasia /Fyodorova/ ; Анастасия /Фёдорова/
ru | Mikhail /Zaitsev/ ; Михаил /Зайцев/
ru | Tatiana /Belova/ ; Татьяна /Белова/
ru | Vladimir /Yershov/ ; Владимир /Ершов/
ru | Yulia /Goncharova/ ; Юлия /Гончарова/
ru | Artyom /Kiselyov/ ; Артём /Киселёв/
ru | Ирина Александровна /Орлова/ | i.orlova
ru | Evgeny /Tikhonov/
ru | Ksenia /Baranova/
ru | Pavel /Shcherbakov/
ru | Svetlana /Vorobyova/
ru | Roman /Gusev/
ru | Daria /Melnikova/
ru | Konstantin /Zhukov/
ru | Lyudmila /Krylova/
ru | Vera /Nikitina/ ; Вера /Никитина/
ru | Grigory /Semyonov/ ; Григорий /Семёнов/
uk | Olena /Kovalenko/ ; Олена /Коваленко/
uk | Taras /Shevchuk/ ; Тарас /Шевчук/
uk | Oksana /Bondarenko/ ; Оксана /Бондаренко/
uk | Andriy /Melnyk/ ; Андрій /Мельник/
uk | Iryna /Tkachenko/ ; Ірина /Ткаченко/
uk | Bohdan /Kravchuk/ ; Богдан /Кравчук/
uk | Nataliia /Polishchuk/ ; Наталія /Поліщук/
uk | Yurii /Savchenko/ ; Юрій /Савченко/
uk | Mykola /Rudenko/
uk | Halyna /Lysenko/
uk | Volodymyr /Hnatiuk/
uk | Solomiia /Vasylenko/
uk | Dmytro /Marchenko/
uk | Khrystyna /Ostapchuk/
uk | Yaroslav /Danyliuk/ ; Ярослав /Данилюк/
in | Priya /Raman/
in | Venkataraman /Subramanian/
in | Aishwarya /Krishnamurthy/
in | Rohan /Mehta/
in | Ananya /Chatterjee/
in | Siddharth /Bhattacharya/
in | Kavitha /Ramachandran/
in | Arjun /Nair/
in | Deepika /Iyer/
in | Rajesh Kumar /Agarwal/
in | Sunita /Deshpande/
in | Vikram Singh /Rathore/
in | Meenakshi /Sundaram/
in | Harpreet /Kaur/
in | Gurpreet Singh /Dhillon/
in | Lakshmi /Narayanan/
in | Nikhil /Kulkarni/
in | Pooja /Joshi/
in | Abhishek /Banerjee/
in | Shreya /Sengupta/
in | Mohammed Irfan /Qureshi/
in | Farhan /Siddiqui/
in | Neha /Gupta/
in | Karthik /Raghavan/
in | Divya /Pillai/
in | Sanjay /Patil/
in | Anjali /Reddy/
in | Aditi /Rao/
in | Rahul /Sharma/ ; राहुल /शर्मा/
in | Priya /Patel/ ; प्रिया /पटेल/
in | Selvi /Murugan/ ; செல்வி /முருகன்/
in | Sandeep /Chakraborty/
pl | Agnieszka /Kowalska-Nowak/
pl | Krzysztof /Wiśniewski/
pl | Małgorzata /Wójcik/
pl | Grzegorz /Kamiński/
pl | Katarzyna /Lewandowska/
pl | Paweł /Zieliński/
pl | Joanna /Szymańska/
pl | Tomasz /Woźniak/
pl | Magdalena /Dąbrowska/
pl | Łukasz /Kozłowski/
pl | Zofia /Jankowska/
pl | Jerzy /Mazur/
pl | Ewa /Krawczyk/
pl | Wojciech /Piotrowski/
pl | Barbara /Grabowska/
pl | Przemysław /Pawłowski/
pl | Dorota /Michalska/
pl | Szymon /Król/
pl | Aleksandra /Wieczorek/
pl | Bartłomiej /Jabłoński/
tr | Ayşe /Yılmaz/
tr | Mehmet /Öztürk/
tr | Fatma /Şahin/
tr | Mustafa /Çelik/
tr | Zeynep /Aydın/
tr | Emre /Kılıç/
tr | Elif /Doğan/
tr | Burak /Arslan/
tr | Gülşen /Koç/
tr | Hakan /Yıldız/
tr | Derya /Özdemir/
tr | Oğuz /Kurt/
tr | Selin /Aksoy/
tr | Cem /Polat/
tr | İbrahim /Güneş/
tr | Özlem /Taşkın/
tr | Serkan /Bayraktar/
tr | Ebru /Karaca/
zh | /Wang/ Xiuying ; /王/秀英
zh | /Li/ Wei ; /李/伟
zh | /Zhang/ Min ; /张/敏
zh | /Liu/ Yang ; /刘/洋
zh | /Chen/ Jing ; /陈/静
zh | /Huang/ Lei ; /黄/磊
zh | /Zhao/ Xin ; /赵/鑫
zh | /Zhou/ Ting ; /周/婷
zh | /Wu/ Haoran ; /吴/浩然
zh | /Xu/ Jiahui ; /徐/佳慧
zh | /Sun/ Lihua ; /孙/丽华
zh | /Ma/ Junjie ; /马/俊杰
zh | /Zhu/ Yifan ; /朱/一帆
zh | /Hu/ Qiang ; /胡/强
zh | /Guo/ Mingzhe ; /郭/明哲
zh | /Lin/ Yuqing ; /林/雨晴
zh | Xiaoming /Gao/
zh | Jessica Mei-Ling /Tan/
zh | Kelvin /Cheung/
zh | /Wong/ Ka-wai
zh | /Chan/ Tai-man
zh | /Leung/ Siu-fung
zh | /Ng/ Wing-yan
zh | /Tsai/ Ya-ting
zh | /Hsu/ Chih-hao
zh | /欧阳/娜娜 | nana.ouyang
ko | /Kim/ Min-jun ; /김/민준
ko | /Lee/ Seo-yeon ; /이/서연
ko | /Park/ Ji-hoon ; /박/지훈
ko | /Choi/ Yoo-jin ; /최/유진
ko | /Jung/ Hae-won ; /정/해원
ko | /Kang/ Dong-hyun ; /강/동현
ko | /Cho/ Eun-bi ; /조/은비
ko | /Yoon/ Sung-ho ; /윤/성호
ko | /Jang/ Mi-rae ; /장/미래
ko | /Lim/ Jae-sung ; /임/재성
ko | /Han/ So-hee ; /한/소희
ko | /Shin/ Hyun-woo ; /신/현우
ko | Soo-ah /Baek/
ko | /Seo/ Tae-yang ; /서/태양
ko | /황/보람 | boram.hwang
ja | /Yamada/ Taro ; /山田/ 太郎
ja | /Sato/ Yuki ; /佐藤/ 由紀
ja | /Suzuki/ Haruto ; /鈴木/ 陽翔
ja | /Takahashi/ Aiko ; /高橋/ 愛子
ja | /Tanaka/ Kenji ; /田中/ 健二
ja | /Watanabe/ Mei ; /渡辺/ 芽衣
ja | /Nakamura/ Riku ; /中村/ 陸
ja | /Ito/ Sora ; /伊藤/ 空
ja | Hiroshi /Kobayashi/
ja | Naomi /Kato/
ja | Daisuke /Yoshida/
ja | Emi /Yamaguchi/
ja | Takeshi /Matsumoto/
ja | Ayumi /Inoue/
ja | Shota /Kimura/
ja | Chihiro /Hayashi/
ja | Kaori /Shimizu/
ja | Yūto /Saitō/
ja | Ryōko /Ōno/
ar | Mohammed bin Rashid /Al-Mansouri/ ; محمد بن راشد /المنصوري/
ar | Fatima /Al-Hashimi/ ; فاطمة /الهاشمي/
ar | Omar /Haddad/ ; عمر /حداد/
ar | Layla /Khalil/ ; ليلى /خليل/
ar | Yousef /Nasser/ ; يوسف /ناصر/
ar | Abdullah /Al-Otaibi/
ar | Noor /El-Sayed/
ar | Khalid /Abdelrahman/
ar | Rania /Aboud/
ar | Tariq /Al-Farsi/
ar | Mariam /Bishara/
ar | Hassan /Ibrahim/
ar | Samir /Benali/
ar | Amira /Mansour/
ar | Karim /Chaouch/
ar | Salma /Abou-Zeid/
ar | Ahmad Faisal /Al-Qahtani/
ar | Huda /Saleh/ ; هدى /صالح/
ng | Chukwuemeka /Okonkwo/
ng | Oluwaseun /Adeyemi/
ng | Ngozi /Eze/
ng | Adebayo /Ogunleye/
ng | Chiamaka /Nwosu/
ng | Babatunde /Olatunji/
ng | Folasade /Adebanjo/
ng | Ifeanyi /Okafor/
ng | Aisha /Bello/
ng | Emeka /Nwachukwu/
ng | Yetunde /Akinwale/
ng | Abubakar /Sani/
ng | Temitope /Balogun/
ng | Chinedu /Obi/
ng | Funmilayo /Adeleke/
ng | Obinna /Uzoma/
ng | Zainab /Abdullahi/
ng | Kehinde /Ojo/
ng | Amaka /Igwe/
ng | Tunde /Bakare/
ng | Ebere /Onyekachi/
vi | /Nguyễn/ Thị Minh Anh
vi | /Trần/ Văn Hùng
vi | /Lê/ Thị Hoa
vi | /Phạm/ Quốc Bảo
vi | /Hoàng/ Thu Trang
vi | /Vũ/ Đức Thắng
vi | /Đặng/ Ngọc Lan
vi | /Bùi/ Minh Khoa
vi | /Đỗ/ Thanh Tâm
vi | /Ngô/ Gia Huy
vi | /Dương/ Mỹ Linh
vi | /Lý/ Hải Nam
vi | /Nguyen/ Van Long
vi | /Tran/ Thi Mai
vi | /Pham/ Hoang Duc
vi | Linh /Nguyen/
es | María José /García Márquez/
es | Juan Carlos /Fernández de la Vega/
es | Lucía /Martínez Ortega/
es | Alejandro /Rodríguez-Pardo/
es | Carmen /López y Fuentes/
es | Javier /Sánchez Castillo/
es | Isabel /Moreno Gil/
es | Francisco Javier /Navarro Iglesias/
es | Ana Belén /Romero Delgado/
es | Pablo /Herrera Vidal/
es | Marta /Gutiérrez Cano/
es | Sergio /Domínguez Prieto/
es | Rocío /Vázquez Calvo/
es | Guadalupe /Hernández Torres/
es | Luis Fernando /Ramírez Aguilar/
es | Valentina /Restrepo Uribe/
es | Martín /Etcheverry Sosa/
pt | João Pedro /da Silva Santos/
pt | Ana Carolina /Oliveira Costa/
pt | Thiago /Albuquerque Lima/
pt | Luíza /Figueiredo/
pt | Rafael /Gonçalves Pereira/
pt | Mariana /de Souza Barros/
pt | Inês /Carvalho/
nl | Jan /van der Berg/
nl | Sanne /de Vries/
nl | Pieter /van den Broek/
nl | Femke /van Dijk/
nl | Daan /de Jong/
nl | Lotte /Bakker/
nl | Maarten /van 't Hof/
nl | Eline /ter Horst/
nl | Thijs /van Leeuwen/
nl | Joost /van Rijn/
nl | Anouk /Verhoeven/
nl | Bram /de Groot/
nl | Roos /Visser/
nl | Willem-Jan /van der Meulen/
nl | Marloes /op den Akker/
nl | Jeroen /Vanderlinden/
nl | Lien /De Smet/
ie | Siobhán /O’Connor/
ie | Seán /O'Brien/
ie | Aoife /Ní Bhriain/
ie | Pádraig /Mac Giolla Phádraig/
ie | Niamh /McCarthy/
ie | Ciarán /O’Sullivan/
ie | Róisín /MacNamara/
ie | Declan /Ó Súilleabháin/
ie | Eoin /McGuinness/
ie | Orla /Ó Murchú/
ie | Fionnuala /O’Donoghue/
ie | Cormac /D’Arcy/
ie | Ewan /MacLeod/
ie | Morag /McIntyre/
ie | Callum /McKenzie/
ie | Bríd /O'Flaherty/
hy | Anna-Lena /Schröder-Weiß/
hy | Jean-Baptiste /Lefèvre-Dumas/
hy | Marie-Claire /Duval-Moreau/
hy | Hans-Peter /Brandauer-Haas/
hy | Olivia /Ashworth-Pryce/
hy | Ka-Wing /Lau-Cheung/
hy | Sarah-Jane /Fenwick-Holmes/
hy | Karl-Heinz /Oberhuber/
hy | Lise-Lotte /Nørgaard-Hansen/
hy | Jens-Uwe /Pfeiffer/
hy | Anne-Sophie /de Villiers-Tremblay/
hy | Ali-Reza /Tehrani-Moghaddam/
hy | Bethany /Okafor-Reid/
hy | Marcus /Delacroix-Whitfield/
it | J. R. /Okoro/
it | A. K. /Mukherjee/
it | T. S. /Vaidyanathan/
it | P. J. /Whitcombe/
it | Anne M /Clarke/
it | Robert J /Hargreaves/
it | Daniel P. /Kowalczyk/
it | Emily R. /Thornton/
it | G. /Venkatesh/
it | H. /Lindgren/
it | R. /Karthikeyan/
it | C. /Nwankwo/
it | W. H. /Baxter/
it | L. M. /Ferreira/
de | Jürgen /Weißmann/
de | Friederike /Oberländer/
de | Maximilian /von Ahlefeldt/
de | Ursula /Brandstätter/
de | Heike /Fröhlich/
de | Matthias /Kühn/
fr | Éloïse /Marchand/
fr | Benoît /Lacroix/
fr | Amélie /Gauthier/
fr | Thibault /Deschamps/
fr | Clémence /Lefort/
fr | Gaël /Le Bihan/
it | Giulia /Bianchi/
it | Lorenzo /De Luca/
it | Chiara /Esposito/
it | Matteo /Ferrara/
it | Francesca /Colombo/
it | Alessandro /Russo/
gr | Giorgos /Papadopoulos/ ; Γιώργος /Παπαδόπουλος/
gr | Eleni /Konstantinou/
gr | Dimitrios /Nikolaidis/
he | Noa /Ben-David/ ; נועה /בן-דוד/
he | Yossi /Mizrahi/
he | Tamar /Friedman-Katz/
fa | Shirin /Farahani/ ; شیرین /فراهانی/
fa | Dariush /Mohammadi/
fa | Roya /Karimi/
ke | Wanjiru /Kamau/
ke | Otieno /Odhiambo/
ke | Achieng /Ouma/
ke | Baraka /Mwangi/
et | Meseret /Tadesse/
et | Dawit /Gebremedhin/
gh | Kwame /Asante/
gh | Akosua /Mensah/
gh | Kofi /Boateng/
za | Thandiwe /Nkosi/
za | Sipho /Dlamini/
za | Ruan /van Wyk/
ph | Maria Cristina /Dela Cruz/
ph | Jose Miguel /Bautista/
ph | Angelica /Villanueva/
th | Somchai /Srisuk/ ; สมชาย /ศรีสุข/
th | Pimchanok /Wongsawat/
id | Budi /Santoso/
id | Siti /Rahmawati/
id | Ni Made /Suartini/
my | Nurul Ain /binti Ismail/
no | Ingrid /Sørensen/
no | Sigrid /Haugland/
se | Åsa /Ljungberg/
dk | Mikkel /Kjærgaard/
fi | Päivi /Korhonen/
fi | Jukka /Virtanen/
hu | /Nagy/ Zsófia
hu | /Szabó/ Bence
hu | /Kovács/ Réka
cz | Jiří /Dvořák/
cz | Tereza /Procházková/
cz | Ondřej /Černý/
ro | Ioana /Popescu/
ro | Mihai /Dumitrescu/
rs | Miloš /Jovanović/ ; Милош /Јовановић/
bg | Tsvetelina /Stoyanova/ ; Цветелина /Стоянова/
kz | Aigerim /Nurlanova/ ; Айгерим /Нурланова/
cy | Rhys /Pritchard/
cy | Gwenllian /Rees/
cy | Dafydd /ap Gruffudd/
en | Dashiell /Thorne/
en | Imogen /Farrow/
en | Tobias /Wetherell/
en | Harriet /Pendlebury/
"""

#: Lower-case words inside a name that identify nobody on their own.
PARTICLES = frozenset(
    "van von der den de da das dos do del della di du la y e ter ten op 't bin binti bint ibn "
    "al el ap ní ó mac dela ni thị văn".split()
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
NATIVE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2019'\s./-]")  # not Latin script


@dataclass(frozen=True)
class Person:
    id: str
    culture: str
    given: str  # as written in the first Latin form ("" when there is none)
    family: str
    family_first: bool  # the first form is written family-first
    forms: tuple[str, ...]  # every written form, slashes removed
    native: tuple[str, ...]  # the forms in a non-Latin script
    email_local: str
    raw: tuple[str, ...]  # the written forms with their /family/ slashes

    @property
    def full(self) -> str:
        """The first form: how the person writes their name."""
        return self.forms[0]

    @property
    def latin(self) -> bool:
        return bool(self.given or self.family) and not NATIVE.search(self.given + self.family)

    @property
    def parts(self) -> frozenset[str]:
        """Every word of every written form that identifies the person (see name_parts)."""
        out: set[str] = set()
        for raw in self.raw:
            out |= name_parts(raw.replace("/", " "))
            if CJK.search(raw):  # "/王/秀英": the family name and the given name apart
                out |= {p.strip() for p in raw.split("/") if p.strip()}
        out |= {ascii_fold(p) for p in out} | {p.upper() for p in out}
        return frozenset(out)

    @property
    def call_name(self) -> str:
        """What colleagues call them in a greeting ("Hi Anh," for Nguyễn Thị Minh Anh)."""
        words = [w for w in self.given.split() if len(w.strip(".")) > 1]
        if not words:
            return ""
        return words[-1] if self.culture == "vi" else words[0]


def ascii_fold(text: str) -> str:
    table = str.maketrans(
        {"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae",
         "ı": "i", "’": "'"}
    )  # fmt: skip
    text = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(c for c in text if not unicodedata.combining(c))


def _email_local(call: str, family: str) -> str:
    g = re.sub(r"[^a-z]", "", ascii_fold(call).lower())
    f = re.sub(r"[^a-z-]", "", ascii_fold(family).lower())
    return f"{g}.{f}" if g else f


def _parse(line: str, n: int) -> Person:
    cells = [c.strip() for c in line.split("|")]
    culture, written = cells[0], [f.strip() for f in cells[1].split(";")]
    first = next((f for f in written if not NATIVE.search(f.replace("/", ""))), written[0])
    m = re.fullmatch(r"(.*?)/(.+?)/(.*)", first)
    if not m:
        raise ValueError(f"no /family/ in {first!r}")
    before, family, after = (s.strip() for s in m.groups())
    family_first = not before
    given = after if family_first else before
    forms = tuple(re.sub(r"\s+", " ", f.replace("/", "")).strip() for f in written)
    native = tuple(f for f in forms if NATIVE.search(f))
    if NATIVE.search(first):
        given = family = ""  # no Latin form: only the written forms are used
    p = Person(f"P{n:03d}", culture, given, family, family_first, forms, native, "", tuple(written))
    local = cells[2] if len(cells) > 2 else _email_local(p.call_name, family)
    return replace(p, email_local=local)


@cache
def people() -> tuple[Person, ...]:
    lines = [ln for ln in _RAW.strip().splitlines() if ln.strip()]
    return tuple(_parse(ln, i + 1) for i, ln in enumerate(lines))


def name_parts(text: str) -> set[str]:
    """The words of a written name that identify the person when left in a document.

    Initials, particles ("van", "bin", "Ó") and honorifics do not; hyphenated and
    apostrophe names give their halves too ("Kowalska-Nowak" -> Kowalska, Nowak;
    "O’Connor" -> Connor); a name in a CJK script gives its characters' runs.
    """
    out: set[str] = set()
    for word in re.split(r"[\s,]+", text):
        word = word.strip('.,;:()"')
        if not word or word.casefold() in PARTICLES or word.casefold().rstrip(".") in _TITLES:
            continue
        if CJK.search(word):
            out.add(word)
            continue
        # halves of a hyphenated name count when capitalised: Kowalska-Nowak, Anna-Lena,
        # Al-Mansouri (not the "jun" of Min-jun)
        pieces = {word} | {h for h in word.split("-") if h[:1].isupper()}
        for p in list(pieces):
            if re.match(r"^[A-Za-z][’']\w", p):  # O'Brien, D’Arcy
                pieces.add(p[2:])
        for p in pieces:
            letters = [c for c in p if c.isalpha()]
            if len(letters) >= 2 and p.casefold() not in PARTICLES:
                out.add(p)
    return out


_TITLES = frozenset("mr mrs ms dr prof sir".split())
