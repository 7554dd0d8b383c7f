#!/bin/sh
# Makes this folder's legacy Word fixtures, once: synthetic reports written as Word .docx by the
# project's own generator (synth layout w, `make_report(1, seed=42, …)`), converted to Word 97–2003
# by LibreOffice (`apt-get install libreoffice-writer-nogui`). WPS Office saves .wps in the same
# binary format: synth_2021.wps is the 2021 one under that name.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
python3 -c "
from gik_tui.core.synth import make_report
for tid in ('gik-2019', 'gik-2021', 'legacy'):
    open('$tmp/' + tid + '.docx', 'wb').write(make_report(1, seed=42, template_id=tid, layout='w', encoding='utf-8').render())
"
soffice --headless --convert-to doc --outdir "$tmp" "$tmp"/*.docx > /dev/null
cp "$tmp/gik-2019.doc" synth_2019.doc
cp "$tmp/gik-2021.doc" synth_2021.wps
cp "$tmp/legacy.doc" synth_legacy.doc
rm -r "$tmp"
