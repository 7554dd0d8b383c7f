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
    PDF and Word readers' libraries, which are loaded only for such files."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from gik_tui.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', {str(samples)!r}, '--format', 'jsonl'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = {m.split('.')[0] for m in sys.modules} & {'pdfplumber', 'pdfminer', 'docx', 'reportlab', 'PIL'}\n"
        "import gik_tui.core.extract, gik_tui.core.checks, gik_tui.core.synth\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')), sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"
