"""The 9 sectors and 44 occupations of OpenAI's GDPval (sector -> occupations), plus "Other".

Keys are the exact labels GDPval uses, so an export's `sector` and `occupation` columns read the
same as GDPval's.
"""

OTHER = "Other"

GDPVAL_OCCUPATIONS: dict[str, list[str]] = {
    "Real Estate and Rental and Leasing": [
        "Concierges",
        "Counter and Rental Clerks",
        "Property, Real Estate, and Community Association Managers",
        "Real Estate Brokers",
        "Real Estate Sales Agents",
    ],
    "Government": [
        "Administrative Services Managers",
        "Child, Family, and School Social Workers",
        "Compliance Officers",
        "First-Line Supervisors of Police and Detectives",
        "Recreation Workers",
    ],
    "Manufacturing": [
        "Buyers and Purchasing Agents",
        "First-Line Supervisors of Production and Operating Workers",
        "Industrial Engineers",
        "Mechanical Engineers",
        "Shipping, Receiving, and Inventory Clerks",
    ],
    "Professional, Scientific, and Technical Services": [
        "Accountants and Auditors",
        "Computer and Information Systems Managers",
        "Lawyers",
        "Project Management Specialists",
        "Software Developers",
    ],
    "Health Care and Social Assistance": [
        "First-Line Supervisors of Office and Administrative Support Workers",
        "Medical and Health Services Managers",
        "Medical Secretaries and Administrative Assistants",
        "Nurse Practitioners",
        "Registered Nurses",
    ],
    "Finance and Insurance": [
        "Customer Service Representatives",
        "Financial and Investment Analysts",
        "Financial Managers",
        "Personal Financial Advisors",
        "Securities, Commodities, and Financial Services Sales Agents",
    ],
    "Retail Trade": [
        "First-Line Supervisors of Retail Sales Workers",
        "General and Operations Managers",
        "Pharmacists",
        "Private Detectives and Investigators",
    ],
    "Wholesale Trade": [
        "First-Line Supervisors of Non-Retail Sales Workers",
        "Order Clerks",
        "Sales Managers",
        "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific "
        "Products",
        "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products",
    ],
    "Information": [
        "Audio and Video Technicians",
        "Editors",
        "Film and Video Editors",
        "News Analysts, Reporters, and Journalists",
        "Producers and Directors",
    ],
}

SECTOR_CHOICES: list[tuple[str, str]] = [(s, s) for s in GDPVAL_OCCUPATIONS] + [(OTHER, OTHER)]

OCCUPATION_CHOICES: list[tuple[str, list[tuple[str, str]]] | tuple[str, str]] = [
    (sector, [(o, o) for o in occupations]) for sector, occupations in GDPVAL_OCCUPATIONS.items()
] + [(OTHER, OTHER)]

SECTOR_OF_OCCUPATION: dict[str, str] = {
    o: sector for sector, occupations in GDPVAL_OCCUPATIONS.items() for o in occupations
}

assert len(GDPVAL_OCCUPATIONS) == 9
assert len(SECTOR_OF_OCCUPATION) == 44
