"""More hand-written postal addresses for the independent slice (format: see places.py),
written fresh for issue 18's fifth round: forms the first lists had none of (rural routes and
lot numbers, Eircodes, Singapore blocks, Kenyan box codes, Saudi national addresses, Yucatán
cross streets, Turkish mahalle lines, Wisconsin grid numbers, Hong Kong floors, Korean floors,
Vietnamese wards, Icelandic and Finnish boxes...)."""

RAW = """
IN | {H.No. 8-2-293/82/A}, {Road No. 12}, Banjara Hills ; Hyderabad – [500 034]
IN | Plot No. 23, {Survey No. 114/2}, {Hinjewadi Phase 1} ; Pune, Maharashtra [411057]
IN | {TC 25/1512, Vazhuthacaud} ; Thiruvananthapuram, Kerala – [695014]
BR | {SHIS QI 25 Conjunto 8 Casa 12}, Lago Sul ; Brasília - DF ; [71660-280]
BR | {Rodovia SC-401, km 4}, Saco Grande ; Florianópolis/SC ; CEP [88032-005]
BR | {Rua Marechal Deodoro, 412}, sala 9, Centro ; Juiz de Fora/MG - CEP [36013-000]
CA | <RR 2, Site 5, Box 12> ; Okotoks AB [T1S 1A2]
CA | {2-150 Elgin Street} ; Ottawa, Ontario [K2P 1L4]
CA | {3400, chemin de la Côte-Sainte-Catherine} ; Montréal (Québec) [H3T 1C5]
AU | {Lot 12 Wattle Road} ; Mount Barker SA [5251]
AU | <PO Box 3021> ; Darwin NT [0801]
AU | {U 5/18 Ocean Parade} ; Coffs Harbour NSW [2450]
KR | 서울특별시 마포구 {월드컵북로 396}, 12층 ([03925])
KR | {Rm 1204, 396 World Cup buk-ro}, Mapo-gu ; Seoul [03925]
KR | {35-1 Yeouido-dong}, Yeongdeungpo-gu ; Seoul [07327]
CN | 江苏省南京市鼓楼区{中山北路30号} [210008]
CN | Building 5, {No. 8 Xueqing Road}, Haidian District ; Beijing [100192]
CN | {Unit 1708, 18 Zhujiang East Road}, Tianhe District ; Guangzhou, Guangdong [510623]
MX | {Blvd. Manuel Ávila Camacho 40}, Piso 12, Lomas de Chapultepec ; [11000] Ciudad de México
MX | {Calle 60 No. 491-A x 57 y 59}, Centro ; [97000] Mérida, Yuc.
IS | {Laugavegur 26} ; [101] Reykjavík
IS | <Pósthólf 8120> ; [128] Reykjavík
FI | <PL 1208> ; [00101] Helsinki
FI | {Hämeenkatu 14 A 7} ; [33100] Tampere
DK | <Postboks 2200> ; [1017] København K
SE | c/o Lindgren ; {Sveavägen 44}, 3 tr ; [113 34] Stockholm
NO | {Kongens gate 9}, 4. etasje ; [7011] Trondheim
IE | {Apartment 5, The Maltings}, {Bow Street} ; Dublin 7 ; [D07 N8YK]
IE | {Cahercon House}, Ballyvaughan ; Co. Clare ; [H91 X2P3]
IE | {14 Patrick Street} ; Cork ; [T12 PW44]
SG | {Blk 123 Ang Mo Kio Avenue 6}, #08-142 ; Singapore [560123]
SG | {10 Anson Road}, #27-18 International Plaza ; Singapore [079903]
HK | {Flat B, 12/F, Tower 3, Harbour View Garden} ; {2 Tai Hong Street}, Sai Wan Ho ; Hong Kong
JP | 〒[104-0061] ; 東京都中央区{銀座4-6-16} 銀座三越ビル8階
JP | {Kyoto Research Park 2F}, {93 Chudoji Awata-cho}, Shimogyo-ku ; Kyoto [600-8815]
NZ | <PO Box 10-362> ; Wellington [6143]
NZ | RD 2, {118 Kahikatea Flat Road} ; Waimauku [0882]
ZA | <Private Bag X19> ; Menlo Park ; Pretoria [0102]
KE | <P.O. Box 30197-00100> ; Nairobi ; Kenya
KE | {Delta Corner Tower, Waiyaki Way}, Westlands ; Nairobi [00800]
SA | {8228 King Fahd Road}, Al Olaya Dist. ; Riyadh [12214] - 3132
AE | Office 1403, {Al Saqr Business Tower}, {Sheikh Zayed Road} ; Dubai
TR | {Atatürk Mah. Cumhuriyet Cad. No: 24} D: 5 ; [34758] Ataşehir/İstanbul
UA | {вул. Хрещатик, 22}, оф. 41 ; Київ ; [01001]
PH | {Unit 2304 One Corporate Centre}, {Julia Vargas Ave} ; Ortigas Center, Pasig City [1605]
VN | {Số 29 Liễu Giai}, Phường Ngọc Khánh, Quận Ba Đình ; Hà Nội [100000]
TH | {99/12 Soi Sukhumvit 31}, Khlong Toei Nuea, Watthana ; Bangkok [10110]
ID | {Jl. Jend. Sudirman Kav. 52-53} ; Jakarta Selatan [12190]
US | <PSC 3, Box 4150> ; APO AE [09021]
US | {W156 N8327 Pilgrim Rd} ; Menomonee Falls, WI [53051]
US | <HC 64 Box 1120> ; Castle Valley, UT [84532]
UK | Flat C, {14 Gloucester Avenue} ; Primrose Hill ; London [NW1 8JD]
UK | {Ty Gwyn}, {Heol y Bont} ; Llandeilo ; [SA19 6BN]
DE | c/o Schmidt ; {Oranienstraße 185}, Hinterhaus, 2. OG ; [10999] Berlin
IL | <POB 3456> ; Jerusalem [9103401]
AR | {Bv. Oroño 1350}, 3° B ; [S2000DSN] Rosario, Santa Fe
IN | {Khasra No. 311, Chhattarpur Extension} ; New Delhi – [110074]
IN | {3rd Floor, Salarpuria Sattva Knowledge City}, Raidurg ; Hyderabad, Telangana – [500081]
BR | <Caixa Postal 1205> ; Manaus/AM ; CEP [69001-970]
HK | {Suite 2205, 1 Harbour Road}, Wan Chai ; Hong Kong
MX | {Calle Hidalgo 125 Pte.}, Centro ; [64000] Monterrey, N.L.
IS | {Hafnarstræti 97} ; [600] Akureyri
FI | {Kauppakatu 8 C 21} ; [40100] Jyväskylä
NO | <Postboks 6706 Etterstad> ; [0609] Oslo
SE | {Stora Nygatan 7}, lgh 1102 ; [211 37] Malmö
IE | {Unit 4, Ballybrit Business Park} ; Galway ; [H91 P2DK]
IE | {The Old Forge}, Kilmacanogue ; Co. Wicklow ; [A98 K7X2]
"""

#: the country line of the new countries (places.COUNTRY_NAMES)
COUNTRY_NAMES = {
    "IS": "Ísland", "HK": "", "KE": "", "SA": "Saudi Arabia", "UA": "Україна",
    "PH": "Philippines", "VN": "Việt Nam", "TH": "Thailand", "ID": "Indonesia", "MY": "Malaysia",
    "EG": "Egypt", "CO": "Colombia", "PE": "Perú",
}  # fmt: skip
