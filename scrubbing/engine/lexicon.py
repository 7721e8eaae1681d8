"""Every word list the engine uses, in one place. Pure data and tiny helpers; no regexes of text.

Each list exists because something was flagged (or missed) in ordinary work documents; the
recognizer that reads a list names it, and its unit tests sit beside that recognizer's tests.
Lists are written as one space-separated string per group (lower case unless noted) so that a
reviewer can read them; the frozensets are what code uses.
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
    "congratulations", "please", "pls", "via", "with", "cc'd",
)  # fmt: skip
#: "<verb> by" before a name ("Prepared by Jane Doe")
BY_VERBS = (
    "prepared", "reviewed", "approved", "signed", "written", "authored", "submitted",
    "requested", "reported", "sent", "owned", "led", "presented", "checked",
)  # fmt: skip
HONORIFICS = (
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "madam", "mme", "mlle", "herr", "frau",
)  # fmt: skip
#: words the model glues onto the end of a name ("Bob Smith said")
TRAIL_WORDS = (
    "said", "says", "wrote", "writes", "asked", "asks", "called", "calls", "replied",
    "mentioned", "confirmed", "agreed", "and", "or", "at", "on", "in", "to", "from", "cc",
    "thanks",
)  # fmt: skip

# --------------------------------------------------------------------------- organisations
#: what follows a company name and may be dropped when matching it ("Acme Corp" == "Acme")
CORP_SUFFIXES = words(
    "inc inc. corp corp. corporation co co. company ltd ltd. limited llc llp plc gmbh ag sa "
    "s.a. bv b.v. nv n.v. group holdings holding partners & and the"
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
PHONE_REGIONS = ("US", "GB", "DE", "FR", "IN", "AU", "CA", "IE", "NL", "ES", "IT", "SG", "CH", "BR")

# --------------------------------------------------------------------------- person names
#: Faker person providers read for the known-name recognizer
NAME_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "nl_NL", "it_IT")
PARTICLES = words(
    "van von de der den di da del della dello degli dei du des le la ten ter zu dos das y mac"
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


# --------------------------------------------------------------------------- Office
#: names Office gives shapes, layouts and themes by itself ("Title 1", "Office Theme")
OFFICE_DEFAULT_NAME_WORDS = words(
    "title subtitle content text textbox text box placeholder picture image graphic chart table "
    "diagram rectangle rounded oval ellipse line straight connector arrow freeform group shape "
    "slide number date footer header notes body object media video audio smartart vertical two "
    "comparison only blank section caption with and of the office theme master layout "
    "clip art online custom design ink google p"
)
