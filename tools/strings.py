#!/usr/bin/env python3
"""Writes src/PmBot.Core/Localization/Strings*.resx from the tables in tools/strings/*.py (run after editing one).

The .resx files are what the build uses; the tables keep both languages side by side so none is forgotten.
Each feature area has its own table file, each defining S = [(key, English, 简体中文), ...]; they are read in name order."""
import glob
import os
from xml.sax.saxutils import escape

S = []
for table in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "strings", "*.py"))):
    scope = {}
    with open(table, encoding="utf-8") as f:
        exec(compile(f.read(), table, "exec"), scope)
    S.extend(scope["S"])

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, col):
    keys = [row[0] for row in S]
    assert len(keys) == len(set(keys)), "duplicate key"
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for row in S:
            f.write(f'  <data name="{escape(row[0])}" xml:space="preserve"><value>{escape(row[col])}</value></data>\n')
        f.write("</root>\n")

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "PmBot.Core", "Localization")
write(os.path.join(out, "Strings.resx"), 1)
write(os.path.join(out, "Strings.zh-CN.resx"), 2)
print(f"{len(S)} strings written")
