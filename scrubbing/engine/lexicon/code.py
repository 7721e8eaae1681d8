"""Word lists of code, markup and file layouts: what is syntax, not data about anyone.

Read by `syntax` (language keywords, file-format names, CSS properties, fonts) and `wellknown`
(fixed file and folder names). Part of the one lexicon; see `lexicon/__init__.py` for the rest.
"""

from __future__ import annotations

import builtins
import keyword


def _casefolded(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


#: keywords and built-in names of the languages contractors hand in (Python, JavaScript and
#: TypeScript, Java/C/C#/Go/Rust, SQL, shell), and YAML/JSON literals
KEYWORDS = frozenset(k.casefold() for k in keyword.kwlist + keyword.softkwlist) | _casefolded(
    "self cls print len range dict list tuple set frozenset str int float bool bytes object "
    "type isinstance super property staticmethod classmethod dataclass enumerate zip map "
    "filter sorted open exception valueerror typeerror keyerror "
    "var let const function return export default extends implements interface enum "
    "typeof instanceof new delete void this undefined null nan infinity async await yield "
    "static public private protected abstract final native synchronized volatile transient "
    "throws throw catch finally switch case break continue do goto package namespace using "
    "struct union typedef sizeof extern register unsigned signed char short long double "
    "boolean string number symbol bigint any unknown never readonly declare module require "
    "func chan defer go select fallthrough impl trait mut pub crate fn match loop where "
    "select from where join inner outer left right on group order by having limit offset "
    "insert into values update delete create table alter drop index view primary foreign "
    "key references distinct union all exists between like ilike not and or is as "
    "begin commit rollback transaction declare procedure trigger returns "
    "echo fi esac elif then done until local readonly shift source "
    "true false none nil"
)
#: Python's built-in names with a capital (the interpreter's own `builtins` module):
#: exceptions and constants ("StopIteration", "NotImplemented", "ValueError", "Ellipsis")
#: that documentation writes in prose; never a code name
PY_BUILTIN_NAMES = frozenset(
    n.casefold() for n in dir(builtins) if not n.startswith("_") and not n.islower()
)
#: names of file formats and encodings, which a model reads as organisations
FORMATS = _casefolded(
    "pdf json jsonl yaml yml toml xml html xhtml css scss csv tsv svg png jpeg jpg gif tiff "
    "webp epub docx xlsx pptx docm xlsm odt ods odp rtf txt zip jar war tar gzip ipynb md "
    "markdown utf-8 utf-16 ascii base64 sha1 sha256 sha512 md5 crc32 uuid guid mime http https "
    "ftp sftp ssh tcp udp dns tls ssl url uri urn api sdk cli gui ide regex sql nosql orm "
    "doctype cdata dtd xsd xslt xpath ncx opf ocr"
)
#: CSS property names (the standard ones documents carry in style attributes and sheets)
CSS_PROPERTIES = _casefolded(
    "align-content align-items align-self animation background background-color "
    "background-image background-position background-repeat background-size border "
    "border-bottom border-collapse border-color border-left border-radius border-right "
    "border-spacing border-style border-top border-width bottom box-shadow box-sizing clear "
    "clip color column-count columns content cursor direction display flex flex-basis "
    "flex-direction flex-grow flex-shrink flex-wrap float font font-family font-size "
    "font-stretch font-style font-variant font-weight gap grid grid-area grid-column "
    "grid-row grid-template-columns grid-template-rows height justify-content left "
    "letter-spacing line-height list-style list-style-type margin margin-bottom margin-left "
    "margin-right margin-top max-height max-width min-height min-width mso-ansi-language "
    "mso-bidi-font-family mso-fareast-font-family mso-font-charset mso-generic-font-family "
    "mso-style-name mso-style-parent object-fit opacity order outline overflow overflow-wrap "
    "overflow-x overflow-y padding padding-bottom padding-left padding-right padding-top "
    "page-break-after page-break-before position right tab-size table-layout text-align "
    "text-decoration text-indent text-overflow text-shadow text-transform top transform "
    "transition unicode-bidi user-select vertical-align visibility white-space width "
    "word-break word-spacing word-wrap writing-mode z-index"
)
#: font families Office, operating systems and the web ship (names no one is called)
FONTS = frozenset(
    f.casefold()
    for f in (
        "Calibri",
        "Calibri Light",
        "Cambria",
        "Cambria Math",
        "Candara",
        "Consolas",
        "Constantia",
        "Corbel",
        "Aptos",
        "Aptos Display",
        "Arial",
        "Arial Black",
        "Arial Narrow",
        "Helvetica",
        "Helvetica Neue",
        "Verdana",
        "Tahoma",
        "Segoe UI",
        "Segoe UI Light",
        "Segoe Print",
        "Times New Roman",
        "Courier New",
        "Lucida Console",
        "Lucida Sans Unicode",
        "Trebuchet MS",
        "Comic Sans MS",
        "Franklin Gothic Medium",
        "Century Gothic",
        "Book Antiqua",
        "Palatino Linotype",
        "Garamond",
        "Menlo",
        "Monaco",
        "Roboto",
        "Roboto Mono",
        "Open Sans",
        "Noto Sans",
        "Noto Serif",
        "Source Sans Pro",
        "Source Code Pro",
        "Fira Code",
        "Fira Sans",
        "Liberation Sans",
        "Liberation Serif",
        "Liberation Mono",
        "DejaVu Sans",
        "DejaVu Serif",
        "DejaVu Sans Mono",
        "MS Gothic",
        "MS Mincho",
        "SimSun",
        "Microsoft YaHei",
        "Meiryo",
        "Malgun Gothic",
        "Wingdings",
        "Symbol",
        "sans-serif",
        "serif",
        "monospace",
    )
)


def _lowered(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


FOLDERS = _lowered(
    # packaging and build layouts (Java, Python, JS, .NET, Go, Rust, C)
    "META-INF WEB-INF BOOT-INF OSGI-INF OEBPS OPS node_modules bower_components "
    "__pycache__ site-packages dist-packages .venv venv env .tox .nox .mypy_cache "
    ".pytest_cache .ruff_cache .eggs egg-info src lib lib64 libs bin obj build builds dist out "
    "target vendor third_party third-party external deps packages pkg cmd internal include "
    "app apps api core common shared util utils helpers tools scripts script bin "
    "test tests testing spec specs __tests__ e2e fixtures testdata mocks benchmarks bench "
    "doc docs documentation examples example samples sample demo demos tutorials "
    "assets static public resources res images img image icons fonts font css styles "
    "style js javascript media audio video templates template layouts views components "
    "pages locales locale i18n l10n lang config configs conf settings migrations data "
    "main java kotlin scala groovy python ruby go rust webapp html xml text misc "
    "drawable values mipmap raw menu xib storyboard "
    # hidden tool folders
    ".github .gitlab .circleci .vscode .idea .devcontainer .husky .storybook .next .nuxt "
    ".cache .config .docker .azure .aws .terraform .gradle .mvn .cargo .bundle "
    "workflows ISSUE_TEMPLATE PULL_REQUEST_TEMPLATE"
)

FILES = _lowered(
    "mimetype container.xml content.opf package.opf toc.ncx nav.xhtml toc.xhtml "
    "MANIFEST.MF INDEX.LIST "
    "__init__.py __main__.py conftest.py setup.py setup.cfg pyproject.toml manage.py "
    "wsgi.py asgi.py settings.py urls.py models.py views.py admin.py apps.py forms.py "
    "tests.py requirements.txt requirements-dev.txt Pipfile Pipfile.lock poetry.lock "
    "tox.ini pytest.ini mypy.ini .flake8 .pylintrc MANIFEST.in "
    "package.json package-lock.json yarn.lock pnpm-lock.yaml tsconfig.json jsconfig.json "
    ".npmrc .nvmrc .babelrc .eslintrc .eslintrc.json .prettierrc webpack.config.js "
    "vite.config.js vite.config.ts index.js index.ts index.html main.js main.ts main.py "
    "app.py app.js server.js "
    "Cargo.toml Cargo.lock go.mod go.sum pom.xml build.gradle build.gradle.kts "
    "settings.gradle gradlew gradlew.bat gradle.properties build.xml web.xml "
    "CMakeLists.txt Makefile makefile GNUmakefile configure Dockerfile docker-compose.yml "
    "docker-compose.yaml compose.yaml .dockerignore Procfile Vagrantfile Jenkinsfile "
    "Gemfile Gemfile.lock Rakefile .travis.yml .gitlab-ci.yml .gitignore .gitattributes "
    ".gitmodules .editorconfig .env.example CODEOWNERS"
)

STEMS = _lowered(
    "README LICENSE LICENCE COPYING NOTICE CHANGELOG CHANGES HISTORY NEWS CONTRIBUTING "
    "CONTRIBUTORS AUTHORS MAINTAINERS SECURITY SUPPORT CODE_OF_CONDUCT TODO INSTALL USAGE "
    "UPGRADING RELEASE RELEASES ROADMAP FAQ"
)
