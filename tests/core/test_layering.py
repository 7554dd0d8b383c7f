"""The core imports nothing from Textual, and neither does the command-line extract path."""

import ast
import subprocess
import sys
from pathlib import Path

import gik_tui

PKG = Path(gik_tui.__file__).parent


def test_core_sources_do_not_import_textual():
    offenders = []
    for path in (PKG / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") or n.startswith("rich") for n in names):
                offenders.append(str(path))
    assert offenders == []


def test_extract_path_loads_neither_textual_nor_the_pdf_and_word_libraries(samples):
    """`extract` of text reports imports nothing of the app (Textual, Rich), and nothing of the
    PDF and Word readers' libraries, which are loaded only for such files — nor cn2an (a tenth of a
    second), loaded only for a count written in Chinese numerals (the samples have none)."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from gik_tui.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', {str(samples)!r}, '--format', 'jsonl'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = {m.split('.')[0] for m in sys.modules} & {'pdfplumber', 'pdfminer', 'docx', 'reportlab', 'PIL', 'cn2an', 'proces'}\n"
        "import gik_tui.core.extract, gik_tui.core.checks, gik_tui.core.synth\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')), sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


def _imports() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports, at the top or
    inside a function alike (an import is an arrow whenever it runs)."""
    mods: dict[str, Path] = {}
    for path in PKG.rglob("*.py"):
        parts = path.relative_to(PKG.parent).with_suffix("").parts
        mods[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, path in mods.items():
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                targets = [f"{name}.{a.name}" for a in node.names if f"{name}.{a.name}" in mods] or [name]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gik_tui"):
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("gik_tui")]
            else:
                continue
            for t in targets:
                while t and t not in mods:
                    t = t.rsplit(".", 1)[0] if "." in t else ""
                if t and t != mod:
                    graph[mod].add(t)
    return graph


def test_no_two_modules_import_each_other_directly_or_around_a_loop():
    graph = _imports()
    assert "gik_tui.core.open_report" in graph["gik_tui.core.workspace"]  # the walk sees imports inside functions
    loops = []
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                loops.append(path[path.index(n):] + [n])
            elif n not in state:
                visit(n, path + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert loops == []
