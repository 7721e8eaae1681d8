"""Hand-written organisations (with legal suffixes) and internal code names.

Companies: ``country | name`` with the distinctive part in braces: "{Nordvik} Bunkering AS"
leaks when "Nordvik" is left, not when only "Bunkering AS" is. Each has an e-mail domain.
Code names: the coined word, then how projects really use it: "Project BLUEHERON",
"BLUEHERON-2026-07", "blueheron_model.xlsx"; any trace of the word is a leak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_COMPANIES = """
NO | {Nordvik} Bunkering AS | nordvik-bunkering.no
NO | {Skarstein} Marine Logistics AS | skarstein.no
DE | {Brückner} Antriebstechnik GmbH | brueckner-antriebe.de
DE | {Kessler & Vogt} GmbH & Co. KG | kessler-vogt.de
DE | {Ostwind} Energieanlagen AG | ostwind-energie.de
ES | Transportes {Almeida Ruiz} S.A. | almeidaruiz.es
ES | {Valdemoro} Ingeniería S.L. | valdemoro-ing.es
UK | {Thornbury} Freight Ltd | thornburyfreight.co.uk
UK | {Ashcombe} Analytics Limited | ashcombe-analytics.co.uk
UK | {Pemberton Hale} LLP | pembertonhale.com
US | {Redwater} Grid LLC | redwatergrid.com
US | {Daugherty Brothers} Inc. | daughertybros.com
US | {Oakridge} Capital Partners L.P. | oakridgecp.com
US | {Quillfeather} Software Corp. | quillfeather.io
AU | {Coolabah} Mining Pty Ltd | coolabahmining.com.au
AU | {Wattlebrook} Pty Ltd | wattlebrook.com.au
JP | {Hoshino} Seiki KK | hoshino-seiki.co.jp
JP | {Kurogane} Shoji Kabushiki Kaisha | kurogane-shoji.co.jp
JP | 株式会社{星野精機} | hoshino-seiki.co.jp
NL | {Van Oordt} Havendiensten B.V. | vanoordt-haven.nl
NL | {Zeeland} Koel Logistiek BV | zeelandkoel.nl
BE | {Dierckx} Logistics NV | dierckx.be
IT | Officine {Morandi} S.p.A. | officinemorandi.it
IT | {Ferraboli} Impianti S.r.l. | ferraboli.it
IT | {Lucchetti} Trasporti SpA | lucchetti-trasporti.it
FR | {Lumière} Conseil SAS | lumiere-conseil.fr
FR | Société {Garonne} de Câblage SARL | garonne-cablage.fr
FR | {Maréchal} Industries S.A. | marechal-industries.fr
NG | {Oyelaran} Agro Industries Plc | oyelaran-agro.ng
NG | {Ikenga} Petroleum Services Ltd | ikenga-petroleum.com.ng
TR | {Sarıkaya} Lojistik A.Ş. | sarikaya-lojistik.com.tr
PL | {Wisłostal} Sp. z o.o. | wislostal.pl
PL | Zakłady {Mechaniczne Tarnowiec} S.A. | zm-tarnowiec.pl
VN | {Minh Phát} Trading Co., Ltd. | minhphat.vn
KR | {Hanbit} Precision Co., Ltd. | hanbit-precision.co.kr
CN | {Jinhai} Shipping Co., Ltd. | jinhai-shipping.cn
IN | {Rao & Iyer} Consulting Pvt. Ltd. | raoiyer.in
IN | {Suvarna} Textiles Private Limited | suvarnatextiles.in
BR | {Marques} Têxtil Ltda. | marquestextil.com.br
BR | {Tocantins} Agropecuária Eireli | tocantins-agro.com.br
AE | {Al Noor} Marine Trading LLC | alnoor-marine.ae
SE | {Bergström} Verktyg AB | bergstromverktyg.se
FI | {Kettunen} Oy | kettunen.fi
CZ | {Novotný} Strojírny s.r.o. | novotny-strojirny.cz
DK | {Østerby} ApS | osterby.dk
CH | {Alpenfirn} Treuhand AG | alpenfirn.ch
ZA | {Umhlanga} Fresh Produce (Pty) Ltd | umhlangafresh.co.za
SG | {Tanjong Rhu} Holdings Pte. Ltd. | tanjongrhu.sg
CA | {Muskoka} Timber Ltd. | muskokatimber.ca
MX | Grupo {Tlaloc} S.A. de C.V. | grupotlaloc.mx
"""

_CODENAMES = """
BLUEHERON | Project BLUEHERON ; BLUEHERON-2026-07 ; blueheron_model.xlsx ; BlueHeron
SANDPIPER | Operation SANDPIPER ; SANDPIPER_Q3_forecast ; sandpiper-etl
KESTREL | Codename KESTREL ; KESTREL-RFP-11 ; kestrel_pricing_v4.xlsx
NIGHTJAR | Project Nightjar ; NJR-NIGHTJAR-204 ; nightjar-migration
TAMARIND | Operation Tamarind ; TAMARIND/2026/031 ; tamarind_dd_tracker.csv
SILVERFINCH | SilverFinch ; SILVERFINCH-DR-02 ; silverfinch_board_deck.pptx
IRONBARK | Project IRONBARK ; IRONBARK-PHASE2 ; ironbark_capex.xlsx
QUARTZLINE | QuartzLine ; QL-QUARTZLINE-7 ; quartzline_term_sheet.docx
REDKITE | Project REDKITE ; REDKITE-2026-Q2 ; redkite-dataroom
MOONGLADE | Codename Moonglade ; MOONGLADE-INV-88 ; moonglade_synergies.xlsx
HALCYONDRIFT | Project HalcyonDrift ; HALCYONDRIFT-03 ; halcyondrift_notes.md
CORVINA | Operation CORVINA ; CORVINA-LOI-2 ; corvina_valuation.xlsx
GLASSWING | Project Glasswing ; GLASSWING-RISK-19 ; glasswing-audit
TUNDRAFOX | TundraFox ; TUNDRAFOX-2027-01 ; tundrafox_pmo.xlsx
AMBERJACK | Project AMBERJACK ; AMBERJACK-SPA-5 ; amberjack_closing_checklist.docx
OKAPI | Codename OKAPI ; OKAPI-2026-11 ; okapi_customer_list.csv
VELVETROPE | Project VelvetRope ; VELVETROPE-P1 ; velvetrope_launch_plan.pptx
BRAMBLEGATE | Project Bramblegate ; BRAMBLEGATE-CR-77 ; bramblegate_contract.pdf
ZEPHYRINE | Operation ZEPHYRINE ; ZEPHYRINE-OPS-3 ; zephyrine_rota.xlsx
COPPERLEAF | Project COPPERLEAF ; COPPERLEAF-2026-09 ; copperleaf-forecast
MARLSTONE | Codename MARLSTONE ; MARLSTONE-HR-12 ; marlstone_offer_letters.docx
PIKEWATER | Project Pikewater ; PKW-PIKEWATER-01 ; pikewater_sow.docx
LUMENFORGE | LumenForge ; lumenforge-api ; LUMENFORGE-REL-4
HARBOUR | Project HARBOUR ; HARBOUR-2026-04 ; harbour_model.xlsx
NORDLICHT | Projekt Nordlicht ; NORDLICHT-2026-02 ; nordlicht_budget.xlsx
FOXGLOVE | Codename: Foxglove ; FOXGLOVE-DD-9 ; foxglove_vdr_index.xlsx
ORCHIDWAVE | Project Orchidwave ; orchidwave-etl ; orchidwave_costs.csv
SEALANTERN | SeaLantern ; SEALANTERN-Q4 ; sealantern_kpis.xlsx
LANTERN | Operation LANTERN ; LANTERN-OPS-14 ; lantern_rota.xlsx
CIRRUSVALE | CirrusVale ; cirrusvale_migration_plan.docx ; CIRRUSVALE-MIG-6
MISTRAL | Proyecto MISTRAL ; MISTRAL-2026-05 ; mistral_forecast.xlsx
EMBERLY | Project Emberly ; EMBERLY-HR-3 ; emberly-onboarding
QUILLON | Project QUILLON ; QUILLON/2026/07 ; quillon_term_sheet.pdf
SPRUCEHOLLOW | SpruceHollow ; SPRUCEHOLLOW-DD-1 ; sprucehollow-dataroom
KINGFISHER | Projet KINGFISHER ; KINGFISHER-LOI-8 ; kingfisher_valuation.xlsx
BASALTRIDGE | BasaltRidge ; basaltridge_synergy_model.xlsx ; BASALTRIDGE-IC-2
HERONSGATE | Project Heronsgate ; HRG-HERONSGATE-12 ; heronsgate_board_pack.pptx
WILLOWMERE | WillowMere ; willowmere-sync ; WILLOWMERE-2027-03
THISTLEDOWN | Project THISTLEDOWN ; THISTLEDOWN-CAPEX-2 ; thistledown_capex.xlsx
MARIGOLD | Operation Marigold ; MARIGOLD-RFP-5 ; marigold_bidders.csv
CASSOWARY | Codename CASSOWARY ; cassowary_pricing.xlsx ; CASSOWARY-SOW-1
PEBBLEDASH | PebbleDash ; pebbledash-ingest ; PEBBLEDASH-INC-40
FALKENSTEIN | Projekt FALKENSTEIN ; FALKENSTEIN-2026-10 ; falkenstein_due_diligence.docx
RIVERGLASS | Project RiverGlass ; RIVERGLASS-KPI-7 ; riverglass-dashboard
NIGHTOWLSYNC | NightOwlSync ; nightowlsync_rollout.pptx ; NIGHTOWLSYNC-REL-2
# issue 18's third round (recall3): tags, tickets, lower-case file names, two-word and
# ordinary-word code names
FALCON | [Falcon] ; falcon_v2_final.xlsx ; OPS-FALCON-14
SILVER BIRCH | Project Silver Birch ; SILVERBIRCH-Q3-07 ; silver_birch_steerco.pptx
COMPASS | Project Compass ; compass_pricing_final_v3.xlsx ; CMP-COMPASS-22
JUNIPER | codename: juniper ; juniper-dataroom-index.xlsx ; JUNIPER/OPS/2026-5
BLACKTHORN | Operation Blackthorn ; ops-blackthorn-14 ; blackthorn_board_v2.pptx
MAGPIE | [Magpie] ; magpie_q2_close.xlsx ; MAGPIE-TASK-301
TIDEWATER | Project Tidewater ; TIDEWATER-SPA-3 ; tidewater_redlines_clean.docx
CINNABAR | Codename: CINNABAR ; cinnabar_model_v7.xlsx ; CNB-CINNABAR-09
WHITE STAG | Project White Stag ; WHITESTAG-2027-02 ; white_stag_synergies.xlsx
GRANITE | Project Granite ; granite-migration-runbook.docx ; GRANITE-CHG-118
OSPREY | Operation Osprey ; osprey_headcount_final.xlsx ; OSP-OSPREY-3
BOLLARD | Project Bollard ; bollard_vdr.xlsx ; BOLLARD-LOI-4
HALF MOON | Project Half Moon ; HALFMOON-DD-6 ; half_moon_closing_memo.docx
QUINCE | [Quince] ; quince_pricing_v2_final.xlsx ; QUINCE-RFP-12
PALISADE | codename: palisade ; PALISADE-2026-08 ; palisade_integration_plan.pptx
ARCTIC TERN | Project Arctic Tern ; ARCTICTERN-IC-1 ; arctic_tern_model.xlsx
MOSSBANK | Project MOSSBANK ; mossbank-etl ; mossbank_budget_v3_final.xlsx
SAFFRON | Operation Saffron ; saffron_rota_final.xlsx ; SAF-SAFFRON-27
CORMORANT | Codename CORMORANT ; cormorant_sow_signed.pdf ; CORMORANT-PMO-5
TEAKWOOD | [Teakwood] ; TEAKWOOD-2026-12 ; teakwood_deck_v4.pptx
GREEN LINNET | Project Green Linnet ; GREENLINNET-RFI-2 ; green_linnet_scoring.xlsx
ANVIL | Project Anvil ; anvil_capex_v2_final.xlsx ; OPS-ANVIL-31
SNOWDROP | Operation Snowdrop ; snowdrop-ledger-recon ; SNOWDROP-AUD-4
KINGSWOOD | Project Kingswood ; kingswood_tracker_final.xlsx ; KW-KINGSWOOD-8
HAWTHORN | Codename: Hawthorn ; hawthorn_fee_schedule.docx ; HAWTHORN-CLM-61
RED CEDAR | Project Red Cedar ; REDCEDAR-2026-04 ; red_cedar_headcount_v2.xlsx
STONECHAT | [Stonechat] ; stonechat_dd_q_and_a.xlsx ; STONECHAT-VDR-3
SEAGLASS | Project Seaglass ; seaglass-sync ; SEAGLASS-INC-212
DRUMLIN | Operation DRUMLIN ; drumlin_capex_final.xlsx ; DRUMLIN-2027-01
"""


@dataclass(frozen=True)
class Company:
    id: str
    country: str
    name: str
    core: str  # the distinctive part
    domain: str

    @property
    def parts(self) -> frozenset[str]:
        words = [w for w in re.split(r"\s*&\s*|\s+", self.core) if len(w) >= 3]
        return frozenset({self.core, *words})


@dataclass(frozen=True)
class CodeName:
    id: str
    word: str  # the coined word, upper case
    forms: tuple[str, ...]  # "Project BLUEHERON", identifiers, file names

    @property
    def project(self) -> str:
        return self.forms[0]

    @property
    def parts(self) -> frozenset[str]:
        """Traces that leak it: the word, and each word of a two-word name ("Silver Birch")."""
        return frozenset({self.word, *(w for w in self.word.split() if len(w) >= 3)})

    @property
    def identifiers(self) -> tuple[str, ...]:
        return self.forms[1:]


@cache
def companies() -> tuple[Company, ...]:
    out = []
    for i, line in enumerate(ln for ln in _COMPANIES.strip().splitlines() if ln.strip()):
        country, marked, domain = (c.strip() for c in line.split("|"))
        core = re.search(r"\{(.+?)\}", marked).group(1)  # type: ignore[union-attr]
        out.append(
            Company(
                f"C{i + 1:03d}", country, marked.replace("{", "").replace("}", ""), core, domain
            )
        )
    return tuple(out)


@cache
def codenames() -> tuple[CodeName, ...]:
    out = []
    lines = (ln for ln in _CODENAMES.strip().splitlines() if ln.strip() and ln[0] != "#")
    for i, line in enumerate(lines):
        word, forms = (c.strip() for c in line.split("|"))
        out.append(CodeName(f"K{i + 1:03d}", word, tuple(f.strip() for f in forms.split(";"))))
    return tuple(out)
