"""LibreOffice headless, sandboxed: one conversion at a time per process, a time limit, no network.

The one LibreOffice runner of the engine (`run_soffice`): legacy Office, OpenDocument and RTF
files are converted to OOXML here before the OOXML modules read them (`convert`), SVG
pictures are rasterized here before OCR, and EMF/WMF pictures inside Office files are drawn
as PNG (`formats.ooxml.metafiles`); the Django side draws the review page's previews through
it too (`scrubbing/rendering.py`). The converter runs on hostile input, so:

- **its own profile per job**: a fresh `-env:UserInstallation` folder inside the job's temporary
  folder, seeded with settings that never run macros (security level "very high", execution
  disabled, VBA neither loaded nor saved), never update links when a file is loaded, and send
  every proxied request to a closed local port;
- **a sandbox**: bubblewrap (`bwrap`) when it works here: no network, its own PID/IPC/UTS
  namespaces, a read-only `/usr`, fonts and LibreOffice's settings, and the job folder as the
  only writable place, so a document that links `file:///...` finds nothing of the worker's
  files, environment or home; else `unshare -rn` (no network only); else the profile settings
  alone (logged as a warning). `ConverterConfig.sandbox` = `auto` (default), `bwrap`,
  `unshare` or `none` picks one; a sandbox that was asked for and does not work fails the file;
- **a clean environment** (HOME is the job folder) and **a time limit** (`ConverterConfig.seconds`,
  default 120): past it the whole process group is killed;
- **one conversion per worker process at a time** (a lock; a second caller waits, within the
  same time limit).

`ConverterConfig.program` names the LibreOffice program (default `soffice` on PATH). The
engine reads no environment: the Django side passes the settings `SCRUB_SOFFICE`,
`SCRUB_CONVERT_SECONDS` and `SCRUB_CONVERT_SANDBOX` once per process (`configure`, from
`scrubbing/scrubber.py`). Every failure is a ScrubError with one sentence naming the file's
kind and what to do.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .base import CorruptFile, LimitExceeded, UnsupportedFile

log = logging.getLogger(__name__)

DEFAULT_SECONDS = 120
_LOCK = threading.Lock()

# Profile settings (LibreOffice's registrymodifications.xcu "items" form).
_SETTINGS = (
    ("Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("Office.Writer/Content/Update", "Link", "0"),  # never update links on load
    ("Office.Calc/Content/Update", "Link", "1"),  # never
    ("Office.Writer/Filter/Import/VBA", "Load", "false"),
    ("Office.Writer/Filter/Import/VBA", "Executable", "false"),
    ("Office.Writer/Filter/Import/VBA", "Save", "false"),
    ("Office.Calc/Filter/Import/VBA", "Load", "false"),
    ("Office.Calc/Filter/Import/VBA", "Executable", "false"),
    ("Office.Calc/Filter/Import/VBA", "Save", "false"),
    ("Office.Impress/Filter/Import/VBA", "Load", "false"),
    ("Office.Impress/Filter/Import/VBA", "Save", "false"),
    ("Inet/Settings", "ooInetProxyType", "2"),  # manual proxies...
    ("Inet/Settings", "ooInetHTTPProxyName", "127.0.0.1"),  # ...on a closed port
    ("Inet/Settings", "ooInetHTTPProxyPort", "9"),
    ("Inet/Settings", "ooInetHTTPSProxyName", "127.0.0.1"),
    ("Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    ("Inet/Settings", "ooInetFTPProxyName", "127.0.0.1"),
    ("Inet/Settings", "ooInetFTPProxyPort", "9"),
    ("Inet/Settings", "ooInetNoProxy", ""),
)


class ConverterMissing(UnsupportedFile):
    code = "converter"


class ConversionFailed(CorruptFile):
    code = "conversion"


class ConversionTimeout(LimitExceeded):
    code = "conversion-timeout"


SANDBOXES = ("auto", "bwrap", "unshare", "none")


@dataclass(frozen=True)
class ConverterConfig:
    """How this process runs LibreOffice: the program (a name on PATH or a path), the time
    limit of one run in seconds (0 or less: the default), and the sandbox (`SANDBOXES`)."""

    program: str = "soffice"
    seconds: float = DEFAULT_SECONDS
    sandbox: str = "auto"

    def __post_init__(self) -> None:
        if self.sandbox.strip().lower() not in SANDBOXES:
            raise ValueError(f"sandbox must be one of {', '.join(SANDBOXES)}")


_config = ConverterConfig()


def configure(config: ConverterConfig) -> ConverterConfig:
    """Use `config` for every later run in this process; returns the one it replaces."""
    global _config
    previous, _config = _config, config
    return previous


def config() -> ConverterConfig:
    """The settings runs use now."""
    return _config


def time_limit() -> float:
    seconds = _config.seconds
    return seconds if seconds > 0 else DEFAULT_SECONDS


def _program() -> str | None:
    return shutil.which(_config.program or "soffice")


def _profile_xcu() -> str:
    items = "".join(
        f'<item oor:path="/org.openoffice.{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, value in _SETTINGS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
        'xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + items + "</oor:items>\n"
    )


def _bwrap_args(job: Path) -> list[str]:
    """bubblewrap: the job folder at /job (writable), the system read-only, nothing else."""
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session"]
    args += ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in ("/etc/fonts", "/etc/libreoffice", "/etc/ld.so.cache", "/var/cache/fontconfig"):
        args += ["--ro-bind-try", path, path]
    if os.path.isdir("/opt"):  # LibreOffice's own packages install there
        args += ["--ro-bind", "/opt", "/opt"]
    args += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    args += ["--bind", str(job), "/job", "--chdir", "/job"]
    return args


@functools.cache
def _works(sandbox: str) -> bool:
    """Whether this sandbox starts a process here (checked once per process)."""
    with tempfile.TemporaryDirectory(prefix="scrub-probe-") as tmp:
        argv = {
            "bwrap": [*_bwrap_args(Path(tmp)), "true"],
            "unshare": ["unshare", "-rn", "true"],
        }[sandbox]
        if shutil.which(argv[0]) is None:
            return False
        try:
            done = subprocess.run(argv, capture_output=True, timeout=20, env=_clean_env(tmp))
        except (OSError, subprocess.TimeoutExpired):
            return False
        return done.returncode == 0


def sandbox() -> str:
    """The sandbox conversions run in: "bwrap", "unshare" or "none"."""
    wanted = (_config.sandbox or "auto").strip().lower()
    if wanted in ("bwrap", "unshare"):
        if not _works(wanted):
            raise RunnerUnavailable(f"the {wanted} sandbox does not work on this server")
        return wanted
    if wanted == "none":
        return "none"
    for name in ("bwrap", "unshare"):
        if _works(name):
            return name
    _warn_unsandboxed()
    return "none"


@functools.cache
def _warn_unsandboxed() -> None:
    log.warning(
        "LibreOffice conversions run without bubblewrap or a network namespace; only the "
        "profile settings (no macros, no link updates, dead proxy) protect them"
    )


def _clean_env(home: str) -> dict[str, str]:
    return {
        "HOME": home,
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TMPDIR": home,
        "SAL_USE_VCLPLUGIN": "svp",
    }


class RunnerUnavailable(Exception):
    """LibreOffice, or the sandbox that was asked for, does not run here (args[0] says which,
    as the end of a sentence: "LibreOffice is not installed on this server")."""


class RunnerBusy(Exception):
    """Another conversion in this process held the lock for the whole time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class RunnerTimeout(RunnerBusy):
    """LibreOffice ran past the time limit; its process group was killed. (A RunnerBusy for
    the `seconds` it carries: callers catch it first.)"""


@dataclass
class Run:
    outputs: dict[str, bytes]  # file name LibreOffice wrote -> its bytes
    sandbox: str  # "bwrap", "unshare" or "none"
    log: str  # the end of what it printed, job paths hidden


def run_soffice(inputs: Mapping[str, bytes], convert_to: str) -> Run:
    """Every file of `inputs` (name -> bytes, converted in one LibreOffice run) converted with
    `--convert-to convert_to`, sandboxed as the module says. The one way this engine runs
    LibreOffice; callers phrase the errors for their file."""
    program = _program()
    if program is None:
        raise RunnerUnavailable("LibreOffice is not installed on this server")
    seconds = time_limit()
    if not _LOCK.acquire(timeout=seconds):
        raise RunnerBusy(seconds)
    try:
        with tempfile.TemporaryDirectory(prefix="scrub-convert-") as tmp:
            box = sandbox()
            return _run(program, box, Path(tmp), inputs, convert_to, seconds)
    finally:
        _LOCK.release()


def convert(
    data: bytes, *, suffix: str, convert_to: str, label: str, advice: str
) -> tuple[bytes, str]:
    """`data` (a file named like `suffix`, ".doc") converted by LibreOffice: the bytes of the
    one file it wrote, and the sandbox it ran in. `convert_to` is soffice's `--convert-to`
    argument ("docx:MS Word 2007 XML"); `label` names the file in sentences ("this Word
    97-2003 document (.doc)"); `advice` says what to do instead ("save it as .docx and upload
    again")."""
    try:
        run = run_soffice({f"input{suffix}": data}, convert_to)
    except RunnerUnavailable as exc:
        raise ConverterMissing(
            f"{label[:1].upper()}{label[1:]} cannot be converted: {exc.args[0]}; {advice}."
        ) from None
    except RunnerTimeout as exc:
        raise ConversionTimeout(
            f"Converting {label} took longer than the {exc.seconds:g} s limit; {advice}."
        ) from None
    except RunnerBusy as exc:
        raise ConversionTimeout(
            f"The converter was busy for longer than {exc.seconds:g} s; try {label} again later."
        ) from None
    written = list(run.outputs.values())
    if len(written) != 1 or not written[0]:
        log.info("LibreOffice wrote no output (sandbox %s): %s", run.sandbox, run.log)
        raise ConversionFailed(
            f"LibreOffice could not convert {label} (it may be damaged or password-protected); "
            f"{advice}."
        )
    return written[0], run.sandbox


def _run(
    program: str,
    box: str,
    job: Path,
    inputs: Mapping[str, bytes],
    convert_to: str,
    seconds: float,
) -> Run:
    (job / "profile" / "user").mkdir(parents=True)
    (job / "profile" / "user" / "registrymodifications.xcu").write_text(_profile_xcu())
    (job / "out").mkdir()
    for name, data in inputs.items():
        (job / name).write_bytes(data)
    root = "/job" if box == "bwrap" else str(job)
    argv = [
        program,
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        f"-env:UserInstallation=file://{root}/profile",
        "--convert-to",
        convert_to,
        "--outdir",
        f"{root}/out",
        *(f"{root}/{name}" for name in inputs),
    ]
    if box == "bwrap":
        argv = [*_bwrap_args(job), *argv]
    elif box == "unshare":
        argv = ["unshare", "-rn", *argv]
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=_clean_env(root),
        cwd=job,
        start_new_session=True,  # its own process group: a timeout kills all of it
    )
    try:
        output, _ = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.communicate()  # drains and closes the pipe
        raise RunnerTimeout(seconds) from None
    finally:
        _kill(proc)  # soffice.bin may outlive its launcher script
    said = output.decode("utf-8", "replace")[-300:].replace(str(job), "<job>")
    outputs = {p.name: p.read_bytes() for p in (job / "out").iterdir() if p.is_file()}
    return Run(outputs, box, f"exit {proc.returncode}: {said}")


def _kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
