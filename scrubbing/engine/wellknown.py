"""File and folder names that tools, standards and conventions fix: never personal data.

`META-INF/MANIFEST.MF`, an EPUB's `mimetype`, `__init__.py`, `node_modules`, `.github`, `src`,
`LICENSE`... name what a file is for, not who wrote it. Archive member paths hide them from
detection (formats/archive/paths.py), so a folder is never renamed `[ORG_1]`; detection may
import the same lists to keep them in text. Matching is case-insensitive on one path component.

Three lists: folders, whole file names, and file stems that stand with any extension
(`README`, `README.md`, `LICENSE.txt`; not `README_Jane.md`, which is read as usual).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


FOLDERS = _words(
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

FILES = _words(
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

STEMS = _words(
    "README LICENSE LICENCE COPYING NOTICE CHANGELOG CHANGES HISTORY NEWS CONTRIBUTING "
    "CONTRIBUTORS AUTHORS MAINTAINERS SECURITY SUPPORT CODE_OF_CONDUCT TODO INSTALL USAGE "
    "UPGRADING RELEASE RELEASES ROADMAP FAQ"
)

_EXTENSIONS = re.compile(r"(?:\.[a-z0-9]{1,8}){1,2}")


def is_wellknown_name(component: str) -> bool:
    """Whether one path component ("META-INF", "README.md", "__init__.py") is a fixed name."""
    low = component.lower()
    if low in FOLDERS or low in FILES:
        return True
    stem, dot, rest = low.partition(".")
    return stem in STEMS and (not dot or _EXTENSIONS.fullmatch("." + rest) is not None)
