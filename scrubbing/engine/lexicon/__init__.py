"""Every word list the engine uses, in one place. Pure data and tiny helpers; no regexes of text.

Each list exists because something was flagged (or missed) in ordinary work documents; the
recognizer that reads a list names it, and its unit tests sit beside that recognizer's tests.
Lists are written as one space-separated string per group (lower case unless noted) so that a
reviewer can read them; the frozensets are what code uses. The lists of code, markup and
file layouts (keywords, formats, CSS properties, fonts, fixed file and folder names) are in
`lexicon.code`.
"""

from __future__ import annotations

from functools import lru_cache


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- vocabulary the
# model mistakes for names (is_false_positive, known-name exclusions)
WEEKDAYS = words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun"
)
MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
GREETINGS = words(
    "dear hi hello hey regards best thanks thank you cheers sincerely kind warm yours ok okay "
    "fyi re fw fwd cc bcc attn"
)
HEADINGS = words(
    "summary executive introduction background agenda action actions items item next steps "
    "conclusion conclusions appendix overview objectives objective scope deliverables timeline "
    "budget risks risk notes note table contents references attendees minutes purpose status "
    "update updates recommendation recommendations findings results discussion approach "
    "methodology requirements assumptions dependencies milestones owner owners q&a faq "
    "total subtotal date name title description comments comment confidential draft final "
    "internal page figure chart slide section chapter version revision"
)
JOB_WORDS = words(
    "senior junior lead principal chief head associate assistant analyst manager director vp "
    "svp evp avp vice president officer engineer consultant partner intern coordinator "
    "specialist executive ceo cfo cto coo cio ciso cmo chro team of and the product project "
    "program programme marketing sales finance financial operations hr legal engineering data "
    "scientist developer architect administrator admin designer accountant counsel general "
    "representative supervisor staff technical business account customer success support "
    "research strategy development managing founder co-founder board member chair chairman "
    "chairwoman secretary treasurer controller auditor advisor adviser owner"
)
ACRONYMS = words(
    "api apis sql kpi kpis roi okr okrs crm erp saas paas iaas aws gcp hr it qa ui ux pdf csv "
    "json xml html css sdk cli gui etl bi ml ai llm nlp rfp rfq sow nda msa sla slas eod eow "
    "asap tbd tba n/a ytd qoq yoy mom p&l capex opex ebitda gaap ifrs usd eur gbp faq url uri "
    "iban ssn nino vat ein swift bic ach "
    "id ids os ios cpu gpu ram ssd vpn dns http https ssh tls ssl oauth sso mfa 2fa"
)
TOOLS = words(
    "excel word powerpoint outlook teams slack zoom jira confluence github gitlab bitbucket "
    "google microsoft salesforce sharepoint tableau python javascript typescript java docker "
    "kubernetes linux windows macos azure aws gmail onedrive dropbox notion asana trello figma "
    "hubspot workday sap oracle postgres postgresql mysql redis django flask react node "
    "pandas numpy spacy presidio openai chatgpt"
)
_PLACES = (
    "us u.s. usa u.s.a. uk u.k. eu emea apac latam amer na europe asia africa america "
    "north america south america the us the uk united states united kingdom"
)
PLACE_PHRASES = frozenset({p.strip() for p in _PLACES.split("  ")} | set(_PLACES.split()))
PHRASES = frozenset(
    {"best regards", "kind regards", "warm regards", "many thanks", "thank you", "all the best"}
    | {"executive summary", "action items", "next steps", "table of contents", "key findings"}
)
#: a model span equal to one of these is never a name
STOP_SPANS: frozenset[str] = (
    WEEKDAYS | MONTHS | GREETINGS | PHRASES | ACRONYMS | TOOLS | PLACE_PHRASES
)
#: a model span made only of these words is never a name ("Senior Analyst", "Action Items")
SPAN_WORDS: frozenset[str] = JOB_WORDS | HEADINGS | GREETINGS
#: never part of a known-name match: "Will", "May", "Grant Access" stay text
NAME_EXCLUDE: frozenset[str] = STOP_SPANS | SPAN_WORDS | TOOLS | ACRONYMS
CALENDAR: frozenset[str] = WEEKDAYS | MONTHS

# --------------------------------------------------------------------------- span tidying
#: words the model glues onto the front of a name, in match order ("Call Bob Smith")
LEAD_WORDS = (
    "dear", "hi", "hello", "hey", "thanks", "thank you", "thx", "regards", "best", "cheers",
    "attn", "to", "from", "cc", "bcc", "call", "ask", "ping", "email", "e-mail", "mail",
    "message", "text", "phone", "contact", "tell", "meet", "invite", "welcome", "congrats",
    "congratulations", "please", "pls", "via", "with", "cc'd", "reach",
)  # fmt: skip
#: "<verb> by" before a name ("Prepared by Jane Doe")
BY_VERBS = (
    "prepared", "reviewed", "approved", "signed", "written", "authored", "submitted",
    "requested", "reported", "sent", "owned", "led", "presented", "checked",
)  # fmt: skip
HONORIFICS = (
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "madam", "mme", "mlle", "herr", "frau",
)  # fmt: skip
#: titles other cultures put before a name ("Smt. Padmavathi Raghunathan", "Pak Wahyudi",
#: "Khun Somsak", "Ato Girma Wolde"); matched capitalised, as written before a name
WORLD_HONORIFICS = (
    "Smt", "Shri", "Shrimati", "Thiru", "Tmt", "Kumari", "Pak", "Bapak", "Bu", "Ibu", "Khun",
    "Ato", "Woizero", "W/ro", "Sheikh", "Sheikha", "Haji", "Hajjah", "Engr", "Dott", "Dott.ssa",
    "Sra", "Srta", "Sr", "Doña", "Senhor", "Senhora", "Datuk", "Dato", "Datin", "Tuan", "Puan",
    "Encik", "Herr", "Frau", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof",
    "Justice",  # a judgment's "Before: the Honourable Justice Procházková"
)  # fmt: skip
#: words the model glues onto the end of a name ("Bob Smith said")
TRAIL_WORDS = (
    "said", "says", "wrote", "writes", "asked", "asks", "called", "calls", "replied",
    "mentioned", "confirmed", "agreed", "and", "or", "at", "on", "in", "to", "from", "cc",
    "thanks",
)  # fmt: skip

#: verbs the model swallows between two names ("... Maritime is Priya Raman"): a span is
#: split there
SPLIT_WORDS = words(
    "is was are were be been being has have had will would can could should shall may might "
    "must said says told tells asked asks met meets joined joins called calls emailed wrote "
    "writes sent sends replied confirmed thanked thanks introduced"
)

# --------------------------------------------------------------------------- organisations
#: what follows a company name and may be dropped when matching it ("Acme Corp" == "Acme")
CORP_SUFFIXES = words(
    "inc inc. corp corp. corporation co co. company ltd ltd. limited llc llp plc gmbh ag sa "
    "s.a. bv b.v. nv n.v. group holdings holding partners & and the"
)
#: nouns companies and institutions are named with ("Blue Ocean Shipping", "Harbour Stores"):
#: a model organisation made of ordinary words is still one if it holds one of these
#: (technical.is_ordinary_phrase)
ORG_NOUNS = words(
    "company companies corporation group groups holding holdings partners partnership "
    "associates services service bank banking capital investments investment finance "
    "financial insurance assurance trust fund funds ventures shipping maritime marine "
    "logistics freight transport airlines airways airline rail railways energy power oil gas "
    "mining metals steel chemicals pharmaceuticals pharma labs laboratories health healthcare "
    "hospital clinic foods food farms produce beverages brewery breweries stores store retail "
    "supermarkets markets trading traders exports imports industries industrial manufacturing "
    "motors automotive engineering construction builders properties property estates realty "
    "homes hotels hotel resorts travel media press publishing publishers news broadcasting "
    "studios entertainment telecom telecommunications communications networks systems "
    "solutions technologies technology software consulting consultants advisors advisory "
    "agency agencies bureau office ministry department authority council commission "
    "committee board university college school institute institution academy foundation "
    "society association federation union league club church charity coalition alliance "
    "council cooperative co-operative brothers sons law chambers firm"
)
#: the ORG_NOUNS that head the name of a public body, a committee or a service as often as a
#: firm ("Health Research Authority", "Data Safety Monitoring Board", "Key Management
#: Service"): an acronym's spelt-out words of ordinary words headed by one are a term
#: (orgs.is_term_definition); the others ("... Shipping", "... Services") say company
INSTITUTION_NOUNS = words(
    "agency agencies bureau office ministry department authority council commission "
    "committee board university college school institute institution academy foundation "
    "society association federation union league club church charity coalition alliance "
    "cooperative co-operative service"
)
#: the same, as the pseudonymizer strips them from a client key (order kept for the regex)
CORP_KEY_SUFFIXES = (
    "inc corp corporation co company ltd limited llc llp plc gmbh ag sa bv nv group holdings"
).split()
ORG_LABELS = frozenset({"ORG", "CLIENT", "COMPANY", "ORGANIZATION", "VENDOR", "PARTNER"})

# --------------------------------------------------------------------------- hosts and URLs
INTERNAL_TLDS = words(
    "internal corp local lan intranet intra priv private localdomain ad home arpa test"
)
PUBLIC_TLDS = words(
    "com net org io co uk de fr nl eu us ca au in jp cn ch se no dk fi es it be at ie nz sg hk "
    "br mx za ai dev cloud tech biz info gov edu mil ru pl pt cz gr il kr tw ae sa tr ar cl "
    "global agency consulting partners solutions group ltd llc inc bank finance health law"
)
PUBLIC_HOSTS = words(
    "python.org wikipedia.org w3.org ietf.org mozilla.org schema.org json-schema.org apache.org "
    "example.com example.org example.net localhost pypi.org npmjs.com readthedocs.io spdx.org "
    "opensource.org creativecommons.org"
)
#: "self.name", "np.array": attribute access in code, not a host
CODE_OBJECTS = words("self os np pd re sys this obj e i")
#: loopback and unspecified addresses say nothing about anyone
NON_IDENTIFYING_IPS = words("127.0.0.1 0.0.0.0 ::1 ::")

# --------------------------------------------------------------------------- secrets and phones
#: values of a password-like key that are words, not secrets
SECRET_PLACEHOLDER_VALUES = words("password passwd secret required optional string")
#: a label right before a bare run of digits that makes it a phone number
PHONE_LABELS = (
    "phone", "telephone", "tel", "t\u00e9l", "t\u00e9l\u00e9phone", "telefon", "telefono",
    "tel\u00e9fono", "mobile", "mobil", "mob", "cell", "cellulare", "handy", "gsm", "fax",
    "whatsapp", "ph",
)  # fmt: skip
#: verbs a phone number follows in a sentence ("can be called on 411 28 840", "reach me at"):
#: they vouch for it as a label does
PHONE_VERBS = words("call called calling ring rang reach reached dial text whatsapp")
PHONE_REGIONS = (
    "US", "GB", "DE", "FR", "IN", "AU", "CA", "IE", "NL", "ES", "IT", "SG", "CH", "BR", "CN",
)  # fmt: skip
#: further regions tried for a number a label calls a phone ("Tel. 411 30 054", a Norwegian
#: mobile): the label vouches for it, so a national number valid anywhere here is one
PHONE_REGIONS_LABELLED = (
    "NO", "SE", "DK", "FI", "PL", "CZ", "AT", "BE", "PT", "GR", "TR", "RU", "UA", "RO", "HU",
    "JP", "KR", "VN", "TH", "ID", "MY", "PH", "HK", "TW", "AE", "SA", "IL", "NG", "KE", "ZA",
    "MX", "AR", "CO", "CL", "NZ", "KZ", "EG", "PK",
)  # fmt: skip

# --------------------------------------------------------------------------- person names
#: Faker person providers read for the known-name recognizer
NAME_LOCALES = (
    "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "nl_NL", "it_IT", "pl_PL", "cs_CZ", "tr_TR",
    "ru_RU", "uk_UA", "en_IN", "hi_IN", "pt_BR", "pt_PT", "sv_SE", "no_NO", "da_DK", "fi_FI",
    "hu_HU", "ro_RO", "el_GR", "ga_IE", "en_NZ", "es_MX", "id_ID", "vi_VN",
    "he_IL", "fa_IR", "ar_AA", "ar_SA", "zh_CN", "zh_TW", "ja_JP", "ko_KR", "th_TH", "bn_BD",
    "ne_NP", "ka_GE", "hy_AM", "az_AZ", "sk_SK", "sl_SI", "hr_HR", "lt_LT", "lv_LV", "et_EE",
    "bg_BG", "nl_BE", "fr_CH", "de_AT", "de_CH", "tw_GH", "yo_NG", "zu_ZA",
)  # fmt: skip
PARTICLES = words(
    "van von de der den di da del della dello degli dei du des le la ten ter zu dos das y mac 't ’t"
)
#: common English words that are also frequent surnames: never swept for on their own
SURNAME_WORDS = words(
    """
    baker bank banks barber bell berry best bird bishop black blue bond booth bowman brand
    bridge brook brooks brown bush butcher butler cane carpenter carter case chance chase
    church clay close cook cooper cross dale dawn day dean diamond dixon drake duke early east
    english fair faith field fields fish fisher fleming ford forest fox frank free french
    frost gardner gay gill glass gold golden good grace grant gray green grey guy hall hand
    hardy hart hay head heath hill holiday holly hood hope house hunt hunter iron ivy jack
    jay joy judge justice keen king knight lamb lane lang law lee light little lock long lord
    love low major mark marsh mason may mayor mill miller moon moore moss mount nash new
    newman north oak page paris park parker parks patience pearl penny pike pool pope porter
    pound power powers price prince rain ray read reed rich ring river rivers rock rose
    rush sage salt sand savage shepherd short silver small snow sparks spring stark steel
    stone storm strong summer summers sun swan sweet tanner taylor temple thorn todd tower
    trout tucker turner victor wade walker wall ward ware warren waters watt weaver webb
    west white wild will williams wing winter wise wolf wood woods worth wren young
    """
)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """spaCy's stop words and Faker's ~1,000-word English list (both installed, no data files)."""
    from faker.providers.lorem.en_US import Provider as _Lorem
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(w.casefold() for w in _Lorem.word_list)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words too common to sweep for on their own as a surname ("Long-term")."""
    return english_words() | SURNAME_WORDS


# --------------------------------------------------------------------------- over-redaction
#: office words and product names the model tags as people or organisations
OFFICE_WORDS = words(
    "whiteboard appendix cabin hedge config configs settings dashboard backlog roadmap "
    "standup retro sprint kanban wiki handbook playbook template invoice receipt memo "
    "spreadsheet workbook deck agenda minutes transcript follow-up followup kickoff offsite "
    "onsite workshop webinar hackathon townhall all-hands breakout lobby pantry kitchen "
    "boardroom reception parking annex basement rooftop"
)
PRODUCTS = words(
    "kafka grafana prometheus kibana elasticsearch logstash terraform ansible jenkins airflow "
    "spark hadoop snowflake databricks looker metabase superset redshift bigquery dynamo "
    "dynamodb mongodb cassandra nginx apache tomcat kubectl helm istio envoy vault consul "
    "nomad gitea sentry datadog splunk pagerduty opsgenie zendesk intercom mailchimp stripe "
    "twilio okta auth0 vscode intellij pycharm xcode matlab simulink labview gnuradio "
    "wireshark postman swagger openapi graphql fastapi pytest numpy scipy pytorch tensorflow "
    "keras jupyter colab copilot claude gemini llama mistral"
)
#: products of more than one word ("GNU Radio"), matched as whole phrases
PRODUCT_PHRASES = frozenset(
    {"gnu radio", "power bi", "google sheets", "google docs", "google drive", "ms teams",
     "visual studio", "visual studio code", "adobe acrobat", "apache kafka", "amazon s3",
     "azure devops", "github actions", "gitlab ci"}
)  # fmt: skip
#: invoice and form phrases whose first word is also a first name ("Bill to", "Ship to")
FORM_PHRASES = frozenset({"bill to", "ship to", "sold to", "deliver to", "remit to", "bill from"})
#: e-mail header field names: never entities
#: tags a mail system or a list puts in a subject ("[EXTERNAL] Re: ..."): no code names
MAIL_TAGS = words(
    "external ext spam suspected suspicious phishing warning caution urgent important action fyi "
    "info draft wip patch rfc bug issue ticket jira github gitlab confidential internal public "
    "secure encrypted newsletter announce announcement reminder update"
)
MAIL_HEADERS = words(
    "from to cc bcc sent date subject reply-to sender received return-path message-id "
    "mime-version content-type content-transfer-encoding x-from x-to x-cc x-bcc x-folder "
    "x-origin x-filename x-mailer importance priority attachments attachment in-reply-to "
    "references thread-topic thread-index"
)
#: words after a salutation that address a group, not a person ("Hi team,")
GROUP_WORDS = words(
    "team all everyone everybody colleagues folks guys sir madam sirs customer client "
    "friends there partners members committee board teammates people y'all ladies gentlemen"
)

# --------------------------------------------------------------------------- names, any script
#: frequent Korean surnames and Cantonese/Taiwanese/Hokkien family names in Latin letters,
#: next to a hyphenated two-syllable given name ("Ko Eun-chae", "PARK MIN-SEO", "Wong Ka-wai")
EAST_ASIAN_SURNAMES_LATIN = words(
    "kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han "
    "oh seo suh shin sin kwon hwang ahn an song yoo yu ryu hong jeon jun go ko moon mun yang "
    "son bae baek paik heo huh nam sim shim noh roh ha kwak seong sung cha joo ju woo koo ku "
    "min na jin ji eom um chae won cheon bang gong hyun pyo byun byeon yeo chu seok gil wi "
    "wong chan leung ng tsai hsu lau cheung lai kuo chen lin huang wu liu yeh tseng ho chow tse "
    "yip fung mak lam tam tang kwok lo siu yuen chu hui kwan poon tsang chiu tsui yau"
)
#: the most frequent Vietnamese family names (about nine in ten Vietnamese), as written
VIETNAMESE_SURNAMES = words(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương "
    "đoàn lâm mai trịnh cao tạ lương hà vương"
)
#: frequent Chinese surnames (Han), for names in lists and headers
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤張劉陳楊黃趙吳許韓馮鄧蕭葉蘇呂盧鍾譚陸"
)
#: Chinese compound (two-character) surnames, simplified and traditional: "欧阳娜娜" starts
#: with 欧阳, whose first character is no frequent one-character surname
CHINESE_COMPOUND_SURNAMES = words(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 轩辕 端木 独孤 南宫 "
    "西门 百里 呼延 闻人 澹台 公冶 太史 申屠 钟离 万俟 拓跋 "
    "歐陽 司馬 諸葛 東方 長孫 軒轅 獨孤 南宮 鍾離 聞人 公孫"
)
#: frequent Japanese surnames (kanji)
JAPANESE_SURNAMES = words(
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 "
    "井上 木村 林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 "
    "岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 "
    "岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山"
)
#: frequent Korean surnames (Hangul syllables)
KOREAN_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현"
)
#: words that join the parts of a name in many cultures (besides PARTICLES)
NAME_JOINERS = words("bin binti bint ibn al el abu abd abdul ben bat ap ferch nic ni o")
#: job titles that, as a line's label, say a person follows ("Managing Director: ...",
#: "- Controller: Nikola Marković" in an org chart)
ROLE_TITLES = words(
    "director manager lead head chief ceo cfo cto coo cio ciso cmo chro vp svp evp president "
    "officer controller assistant coordinator secretary treasurer chair chairman chairwoman "
    "chairperson supervisor engineer analyst consultant counsel advisor adviser accountant "
    "architect developer designer administrator auditor representative specialist partner "
    "founder sponsor steward champion dispatcher responsible accountable consulted informed "
    "deputy"
)
#: teams and functions a task is handed to ("assigned to Ops"): no person on their own
DEPARTMENT_WORDS = words(
    "ops devops secops finops dataops mlops sre qa qc hr it legal finance procurement payroll "
    "accounts dispatch facilities compliance security helpdesk servicedesk backoffice treasury"
)
#: "<verb> to"/"with" before a name in a timeline or a log ("2024-03 — handed over to Kebede")
TO_VERBS = (
    "handed over to", "handed back to", "escalated to", "reassigned to", "assigned to",
    "delegated to", "returned to", "transferred to", "call with", "meeting with", "met with",
    "spoke with", "spoke to", "talked to", "catch-up with", "1:1 with", "sync with",
    "over to", "ask", "asked", "ping", "pinged", "remind", "reminded", "tell", "told",
    "thanks to", "cc'd", "contact", "contacted", "email", "emailed", "thank", "thanked",
)  # fmt: skip
#: what a chat or meeting log says after a speaker's name ("Ingrid Sørensen joined the call")
CHAT_EVENTS = (
    "joined", "left", "has joined", "has left", "was added", "was removed", "reacted",
    "created group", "added", "removed", "changed the subject",
)  # fmt: skip

# --------------------------------------------------------------------------- rosters
#: a line that introduces a list of people (minutes, CVs, distribution lists), compared
#: casefolded without a trailing colon
ROSTER_HEADINGS = frozenset(
    {"present", "attendees", "attendance", "attending", "participants", "apologies", "absent",
     "invitees", "guests", "references", "referees", "contacts", "key contacts", "team",
     "project team", "team members", "members", "distribution", "distribution list",
     "circulation", "signatories", "panel", "speakers", "in attendance", "also present",
     "people", "staff", "committee", "board members", "interviewers", "reviewers", "authors",
     "access list", "access", "recipients", "approvers", "stakeholders"}
)  # fmt: skip
#: an entry of a roster whose every word is at least this frequent in English (wordfreq
#: Zipf) is text, not a name ("Next Steps", "Action Items")
ROSTER_ZIPF = 4.5
#: a two-letter part of a found name ("Ng" of "Ng Wing-yan") is swept alone only below this
#: Zipf frequency ("He", "Ma", "Do" stay words)
SHORT_PART_ZIPF = 4.0
#: an e-mail address whose local part is dictionary words and no known name, one at least
#: this frequent, is a role or list mailbox, not a person's ("bug-tar@", "help-desk@"):
#: names.names_from_email
ROLE_MAILBOX_ZIPF = 4.0

# --------------------------------------------------------------------------- code names, orgs
#: words that introduce a code name ("Project BLUEHERON", "Operation Nightjar")
CODENAME_TRIGGERS = words("project operation codename code-name programme program initiative")
#: legal-form suffixes after a company name (case as written; compared case-insensitively)
LEGAL_SUFFIXES = (
    "AS", "ASA", "AB", "A/S", "ApS", "Oy", "Oyj", "GmbH", "AG", "KG", "GmbH & Co. KG", "SE",
    "S.A.", "SA", "S.A.S.", "SAS", "SARL", "S.à r.l.", "S.p.A.", "SpA", "S.r.l.", "Srl",
    "S.L.", "SL", "B.V.", "BV", "N.V.", "NV", "Ltd", "Ltd.", "Limited", "PLC", "plc", "LLC",
    "L.L.C.", "LLP", "LP", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co.", "Pty",
    "Pty Ltd", "Pty. Ltd.", "KK", "K.K.", "Co., Ltd.", "Sdn Bhd", "Bhd", "Pte Ltd", "Pte. Ltd.",
    "Pvt Ltd", "Pvt. Ltd.", "S.A. de C.V.", "Ltda", "Ltda.", "OOO", "ZAO", "OAO", "Sp. z o.o.",
    "s.r.o.", "a.s.", "Kft.", "Zrt.", "d.o.o.", "AŞ", "A.Ş.", "Eireli", "S/A", "S.A.C.",
    "S.A.A.", "Cía. Ltda.", "Lda.", "Sàrl", "EURL", "GbR", "e.V.", "ehf.", "hf.", "UAB", "OÜ",
    "Tbk", "JSC", "PJSC", "W.L.L.", "FZE", "FZCO", "FZ-LLC", "Ltée", "BVBA", "Nyrt.",
    "Sdn. Bhd.", "(Pty) Ltd", "(Pty) Ltd.", "(Pty) Limited", "(Pvt) Ltd", "(Private) Limited",
)  # fmt: skip
#: ALL-CAPS and CamelCase words of software and documents: never code names
DEV_WORDS = words(
    "readme todo fixme xxx hack note notes warning error errors debug info utf ascii unicode "
    "json yaml toml http https html xml url uri api sdk cli changelog license licence makefile "
    "dockerfile javascript typescript github gitlab bitbucket youtube linkedin facebook "
    "powerpoint sharepoint onedrive iphone ipad macbook wifi bluetooth pdf csv xlsx docx pptx "
    "ebitda capex opex gdpr hipaa ferpa sox pci iso ieee ansi nist okr kpi sla faq "
    "devops mlops fintech proptech edtech saas paas iaas b2b b2c ecommerce "
    # iCalendar and vCard components ("BEGIN:VCALENDAR", "END:VEVENT")
    "vcalendar vevent vtodo vjournal vfreebusy vtimezone valarm vcard"
)
#: what follows "Project"/"Operation" in ordinary prose ("Project Charter", "Operations Plan")
PROJECT_WORDS = words(
    "plan plans planning charter sponsor sponsors proposal proposals kickoff kick-off "
    "deliverable deliverables management manager managers portfolio office schedule closeout "
    "close-out retrospective governance board brief overview report reports review reviews "
    "costs cost expenses work works phase phases name number code team teams lead leads "
    "description goals goal outcome outcomes tracker tracking register log files file folder "
    "documents document meeting meetings list details detail info information space site "
    "closure kick steering handover handoff lessons initiation mandate signoff sign-off "
    "wrap-up go-live audit audits assessment assessments"
)
#: the other part of an environment variable or constant built from a word ("DBSNP_PATH",
#: "APP_CONFIG_DIR"): the word is code, not a code name (codename.code_words)
ENV_PARTS = words(
    "path paths dir dirs directory home file files url urls uri key keys secret token host "
    "hostname port user username password pass name id ids env config conf cfg level mode "
    "debug log logs list prefix suffix root bin lib opts options flags timeout version"
)
#: vendors whose next word is one of their products ("AWS CloudFormation", "Apache Kafka")
VENDORS = words(
    "apache aws amazon azure google microsoft ibm oracle adobe atlassian github gitlab "
    "jetbrains mozilla red hat redhat cloudflare hashicorp elastic confluent databricks "
    "salesforce sap intel nvidia apple meta"
)
#: a coined word recurring this often in a task is a code name
CODENAME_MIN_REPEATS = 2
#: wordfreq Zipf frequency below which a word is not an English word
COINED_ZIPF = 1.5
#: the capitals leading several ticket or document keys ("AMBERJACK-SPA-5-100",
#: "AMBERJACK-SPA-5-101"...) are a project's key, a code name, when they are a rare English
#: word at most (below this Zipf frequency, "amberjack" 1.6; not "INVOICE-2026-001", "ORDER-")
#: and lead at least KEY_PREFIX_MIN_IDS different keys of one text
KEY_PREFIX_ZIPF = 3.0
KEY_PREFIX_MIN_IDS = 3
#: a single-word person span at or above this Zipf frequency is an ordinary word, unless it
#: is also a known first name
COMMON_ZIPF = 3.3
#: the words after a code name in a working file's name ("magpie_q2_close.xlsx",
#: "terrapin_board_pack_v3.pptx", "tamarind_dd_tracker.csv"): the file's subject and state;
#: with PROJECT_WORDS, OFFICE_WORDS and HEADINGS (codename.workfile_lead)
WORKFILE_WORDS = words(
    "final draft clean signed redline redlines close closing pricing price prices model models "
    "deck pack board budget forecast tracker rota capex opex headcount synergies synergy "
    "valuation notes plan minutes memo sow loi spa nda dd vdr risk risks log index list "
    "customer customers kpis kpi dashboard steerco review status update integration migration "
    "runbook schedule fee fees term sheet contract contracts offer letters bidders scoring "
    "costs cost and of month end report summary proposal bid tender timeline cutover cut-over "
    "dataroom data room export invoice invoices payroll accruals actuals variance bridge "
    "workings figures numbers q&a qa checklist issues approvals approval sizing"
)
#: a working file's lead word is a code name when rarer than this (or rarer than
#: WORKFILE_ZIPF when the name also says its version, quarter or state: "compass_..._v3")
WORKFILE_RARE_ZIPF = 3.0
WORKFILE_ZIPF = 4.0
#: what follows a project's name at the start of a title ("Velorith – steering committee",
#: "SUMMARY:Shingle weekly sync", "Tamarack – pricing model, final"): its meetings, reports
#: and milestones (codename._TITLE_LEAD)
TITLE_TAILS = (
    "steering committee", "steerco", "weekly sync", "sync", "stand-up", "standup", "kick-off",
    "kickoff", "board update", "status report", "status", "pricing model", "go-live",
    "cut-over", "cutover", "rollout", "workstream", "readout", "war room", "weekly",
    "monthly review", "retro", "retrospective", "check-in", "launch plan",
)  # fmt: skip
#: a title's lead word is a code name when rarer than this ("Sorrel" 2.6; not "Finance",
#: "Payroll – status")
TITLE_ZIPF = 3.3
#: in an acronym's spelt-out words of three or more ("Fast Fourier Transform (FFT)",
#: "National Cyber Security Centre (NCSC)"), one word after the first that no dictionary
#: lists may still be a word of the term when wordfreq knows it at least this well and no
#: name list holds it ("Fourier" 3.1, "Cyber" 4.0; a coined firm's "Zentool" far below)
TERM_WORD_ZIPF = 3.0

# --------------------------------------------------------------------------- addresses
STREET_TYPES = words(
    "street st st. avenue ave ave. road rd rd. boulevard blvd blvd. lane ln ln. drive dr dr. "
    "court ct ct. place pl pl. square sq terrace way parkway pkwy highway hwy circle cir "
    "crescent close row mews grove gardens walk hill parade esplanade quay wharf"
)
#: German/Dutch/Nordic street words, also as suffixes ("Hauptstraße", "Keizersgracht")
STREET_SUFFIXES = (
    "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
    "gracht", "laan", "plein", "kade", "gade", "vej", "gatan", "vägen", "veien", "gata",
    "katu", "tie", "gaten", "vegen", "avenyen", "torget", "gränd", "allén", "stræde",
    "stræti", "vegur", "braut",  # Icelandic: "Hafnarstræti 91", "Laugavegur 26", "Hringbraut 3"
)  # fmt: skip
#: Romance street words that come before the name ("Rue de Rivoli 12", "Via Roma 1")
STREET_PREFIXES = words(
    "rue avenue boulevard bd place chemin allée impasse quai via viale piazza corso largo "
    "calle avenida av. avda. plaza paseo carrer rua travessa praça ulica ul. aleja al. "
    "náměstí nám. námestie str."
)
#: street words written as a word of their own after the name and before the number
#: ("Karl Johans gate 22", "Andrássy út 52", "İstiklal Caddesi No: 45", "Mariahilfer
#: Straße 99"); the suffix words count too
STREET_WORDS_AFTER = words(
    "gate gata gatan vei veien vej väg vägen tie katu út utca körút caddesi cad. sokak "
    "sokağı sk. ulica straße strasse str. gasse weg allee platz ring damm torv torg torget"
)
#: words of a post-office box before its number, in many languages ("Skrytka pocztowa 42",
#: "Postbus 1000", "Boîte postale 12"); written with single spaces and the dots they may have
#: (the address recognizer lets a dot or a space be missing, "P.O.Box", "PO Box")
PO_BOX_WORDS = (
    "p.o. box", "post office box", "post box no.", "post box", "g.p.o. box", "private bag",
    "locked bag", "p.m.b.", "postfach", "apartado de correos", "apdo. de correos", "apdo.",
    "casilla de correo", "caixa postal", "boîte postale", "boite postale", "b.p.",
    "casella postale", "postbus", "postboks", "skrytka pocztowa", "postilokero",
    "posta kutusu", "postafiók", "pósthólf", "почтовый ящик", "а/я", "私書箱",
)  # fmt: skip
#: words before a number that name a plot, a flat or a block in an address line ("Plot 7",
#: "Flat 402", "SCO 45", "Sector 17-C", "H.No. 5"): part of the address beside a street or a
#: postcode, never an address alone
ADDRESS_UNIT_WORDS = (
    "plot", "plot no.", "flat", "flat no.", "house no.", "h.no.", "h. no.", "door no.", "shop",
    "shop no.", "sco", "scf", "block", "sector", "phase", "unit", "suite", "floor", "tower",
    "wing", "building", "bldg.", "khasra no.", "survey no.", "apt.", "apartment", "level",
    "no.",
)  # fmt: skip
#: keys and column headers whose values are typed by the key (structure recognizer)
PERSON_KEYS = words(
    "name fullname full_name displayname display_name firstname first_name lastname last_name "
    "surname givenname given_name owner author assignee assigned_to reporter contact "
    "contact_name manager approver reviewer "
    "requester requested_by created_by modified_by updated_by lead employee person user "
    "username user_name account_manager sales_rep signatory attendee participant "
    "recipient sender from to cc bcc initials"
)
EMAIL_KEYS = words("email e-mail mail email_address emailaddress contact_email")
PHONE_KEYS = words("phone telephone tel mobile cell fax phone_number phonenumber contact_phone")
ADDRESS_KEYS = words(
    "address street street_address address1 address2 address_line1 address_line2 "
    "mailing_address billing_address shipping_address home_address postal_address "
    "address_line address3 address_line3 street_line street_name address_locality "
    "address_region postcode post_code postal_code postalcode zip zip_code zipcode plz cep "
    "pincode pin_code locality"
)
#: keys that are a part of an address only inside an address object (`"address": {"region":
#: "125009"}`, YAML `address:` with its parts indented under it); alone, "region" is "EMEA"
ADDRESS_PART_KEYS = words(
    "city town region state province county district suburb prefecture area municipality "
    "neighbourhood neighborhood ward building floor unit line line1 line2 line3 house "
    "house_number housenumber number street_number streetnumber index"
)
#: values typed CLIENT
ORG_KEYS = words(
    "company organisation organization org employer vendor supplier account firm customer "
    "customer_name client client_name"
)
#: keys whose value is a code name (`"codename": "Bluefin"`)
CODENAME_KEYS = words("codename code_name project_codename")
#: keys whose value may be a code name (`PROJECT = "QuartzLine"`): only a coined word is one
PROJECT_KEYS = words("project project_name project_code programme program initiative")

# --------------------------------------------------------------------------- technical prose
#: nouns a product or tool name stands before ("the Kafka client", "the Grafana alert", "the
#: Debezium connector"): a capitalised word right before one of these names a thing, not a
#: person or a client (technical.product_words)
#: nouns of the methods, tests and results named after their authors ("Kaplan-Meier curves",
#: "Bonferroni correction", "Schoenfeld residuals", "Rubin's rules", "Mann-Whitney U test"):
#: the word before one is a method's name, no person (technical.product_words); nouns that
#: are verbs after a name as well ("Priya tests", "Lars models") are not among them
METHOD_NOUNS = words(
    "curve curves correction corrections residuals sequence sequences procedure distribution "
    "estimator equation equations coefficient criterion algorithm theorem inequality formula "
    "smoothing statistic regression method rules series integral matrix ratio constant "
    "effect law principle conjecture lemma hypothesis transformation expansion approximation "
    "interpolation decomposition distance kernel polynomial polynomials chain chains value "
    "values diagram diagrams chart charts filter filters transform transforms decay bound "
    "bounds"
)  # nouns only: "Can Priya estimate ...?", "Will Okoro test ...?" keep their names
TECH_NOUNS = words(
    "api apis alert alerts agent backend block blocks broker bucket cache cli client cluster "
    "collector connector console container controller daemon dashboard dashboards database "
    "driver endpoint engine exporter extension extensions frontend gateway job jobs library "
    "loader module modules namespace node operator panel panels pipeline pipelines plugin "
    "plugins pod pods proxy queue registry repo repository runner runtime scheduler schema "
    "sdk server servers service sidecar sink snapshot source stack table task template "
    "templates topic ui widget worker workers workflow class method function instance "
    "deployment chart helm image images config configuration version release build tool tools "
    "window adapter wrapper format connectors drivers clusters controllers adapters gateways "
    "exporters collectors brokers"
)
#: the last noun of the name of a document, a method, a framework, a rule book or a role
#: ("Master Services Agreement", "Lean Canvas", "Charlson Comorbidity Index", "Environmental
#: Health Officer"): a model span that ends with one, or stands right before one, names a
#: thing, not a person or a firm (technical.is_named_term)
TERM_HEADS = words(
    "agreement agreements canvas framework frameworks index indices matrix model method "
    "methodology standard standards directive directives regulation regulations guideline "
    "guidelines protocol protocols policy manual handbook charter act acts treaty convention "
    "officer officers pack toolkit checklist register scale score classification taxonomy "
    "template scheme plan questionnaire inventory assessment unit division"
)
#: the continents and world regions: a place alone in prose, as a country is
#: (technical.is_bare_country)
CONTINENTS = frozenset(
    {"africa", "asia", "europe", "antarctica", "oceania", "australasia", "north america",
     "south america", "latin america", "central america", "the americas", "americas",
     "the caribbean", "middle east", "the middle east", "scandinavia", "the balkans",
     "southeast asia", "sub-saharan africa", "western europe", "eastern europe"}
)  # fmt: skip
#: words before a span that make it a person even in technical prose ("Ask Ana", "cc Bo"):
#: LEAD_WORDS without the prepositions and fillers that stand before products too ("from
#: Kafka", "with Grafana", "via Airbyte")
PERSON_LEADS = tuple(
    w for w in LEAD_WORDS if w not in words("to from with via please pls text best message mail")
)
#: labels before a colon that a person's name follows, besides PERSON_KEYS ("Scribe: Ana")
ROLE_LABELS = words(
    "maintainer maintainers scribe commander chair facilitator on-call oncall lead leads "
    "contact contacts dri champion sponsor presenter speaker host moderator attendees"
)
#: PERSON_KEYS that only a person follows (not "from", "to", "contact", "user": a firm or a
#: team can follow those)
PERSON_ROLE_KEYS = words(
    "owner author assignee reporter reviewer approver requester signatory attendee manager employee"
)
#: verbs after a span that make it a person even in technical prose ("Tane said", "Lind
#: approved"); not "will", "calls", "sends": products do those
PERSON_VERBS = words(
    "said says wrote writes asked asks replied mentioned confirmed agreed reviewed approved "
    "signed authored presented suggested proposed thinks thanked"
)
#: verbs whose object is a method, tool or product, not a person: a capitalised run right
#: after them is a thing's name ("the path-dependent ones use Monte Carlo with...")
TOOL_VERBS = words("use uses using")
#: a capitalised word that starts a name and also a CamelCase word ("McDonald", "DeShawn")
NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "St")


# --------------------------------------------------------------------------- countries
@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Casefolded country names in the languages libphonenumber's geodata ships ("Poland",
    "Polska", "Polen", "Deutschland", "Norge", "日本"...): the line an address ends with."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    return (
        frozenset(
            name.casefold()
            for names in LOCALE_DATA.values()
            for name in names.values()
            if not name.startswith("*")
        )
        | COUNTRY_ALIASES
    )


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Casefolded names of places: the countries (`country_names`) and the English names of
    the cities, towns and regions that libphonenumber's geocoding data (the `phonenumbers`
    package, Apache-2.0) gives its number prefixes, each part of "Jersey City, NJ" alone too:
    about 36,000 names ("Reading", "Bath", "Nice", "Mobile", "Salt Lake City")."""
    import importlib
    import pkgutil

    import phonenumbers.geodata as geodata

    english: set[str] = set()  # ~290,000 prefixes share ~36,000 names: each is split once
    for mod in pkgutil.iter_modules(geodata.__path__):
        if not mod.name.startswith("data"):
            continue
        data = importlib.import_module(f"{geodata.__name__}.{mod.name}").data
        english.update(names.get("en") for names in data.values())
    english.discard(None)
    english.discard("")
    out = {name.casefold() for name in english}
    for name in english:
        for part in name.replace("/", ",").split(","):
            if part := part.strip():
                out.add(part.casefold())
    return frozenset(out) | country_names()


#: country names as addresses write them that the geodata does not hold
COUNTRY_ALIASES = frozenset(
    {"uk", "u.k.", "usa", "u.s.a.", "u.s.", "the netherlands", "holland", "great britain",
     "england", "scotland", "wales", "northern ireland", "korea", "republic of korea"}
)  # fmt: skip
