#!/usr/bin/env python3
"""Writes vanban's manual page (man(7) roff, UTF-8) from the command's own description.

    python3 Scripts/generate-manual.py PATH/TO/vanban OUTPUT.1 [DATE]

The source is `vanban --experimental-dump-help`: the JSON description of every command,
argument and help text that swift-argument-parser builds from the code, so the manual
always matches the binary. swift-argument-parser's own `generate-manual` plugin reads
the same JSON, but its mdoc writer drops every non-ASCII character ("Kính gửi" becomes
"Knh gi", "NĐ-CP" becomes "N-CP"), which a Vietnamese tool cannot accept; this writer
keeps the text as UTF-8 (man-db passes it through preconv).

DATE (YYYY-MM-DD) goes in the page header; default: $SOURCE_DATE_EPOCH, else the date of
the last git commit, so the same sources give the same page.
"""
import datetime
import json
import os
import re
import subprocess
import sys


def roff_text(s):
    """Escapes text for a roff text line (backslashes, and a leading . or ')."""
    s = s.replace("\\", "\\e")
    if s.startswith((".", "'")):
        s = "\\&" + s
    return s


def option_name(n):
    return ("-" if n["kind"] == "short" else "--") + n["name"]


def bold_option(n):
    return "\\fB" + option_name(n).replace("-", "\\-") + "\\fR"


def arg_synopsis(a):
    """One argument as the synopsis shows it: TEMPLATE, [--format <format>], --out <DIR>."""
    value = a.get("valueName", "value")
    if a["kind"] == "positional":
        text = "\\fI" + value.upper() + "\\fR"
    else:
        name = a.get("preferredName") or a["names"][0]
        text = bold_option(name)
        if a["kind"] == "option":
            text += " \\fI" + value + "\\fR"
    if a.get("isRepeating"):
        text += " ..."
    if a.get("isOptional"):
        text = "[" + text + "]"
    return text


def visible(args):
    generic = {"help", "version"}
    return [a for a in args or [] if a.get("shouldDisplay", True)
            and not (a["kind"] == "flag" and (a.get("preferredName") or {}).get("name") in generic)]


def synopsis(name, args):
    """A synopsis paragraph: the command, then its arguments, wrapped under themselves."""
    return [".SY " + json.dumps(name), " ".join(arg_synopsis(a) for a in args), ".YS"]


def paragraphs(text):
    """Discussion text as roff: blank lines separate paragraphs; '  - ' lines are bullet
    items; other indented lines are kept as they are (no filling)."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        out.append(".PP")
        lines = para.split("\n")
        k = 0
        while k < len(lines):
            line = lines[k]
            if line.lstrip().startswith("- ") and line.startswith(" "):
                item = [line.lstrip()[2:]]
                k += 1
                while k < len(lines) and lines[k].startswith("    ") and not lines[k].lstrip().startswith("- "):
                    item.append(lines[k].strip())
                    k += 1
                out.append(".IP \\(bu 2")
                out.append(roff_text(" ".join(item)))
                continue
            if line.startswith(" "):
                block = []
                while k < len(lines) and lines[k].startswith(" ") and not lines[k].lstrip().startswith("- "):
                    block.append(roff_text(lines[k]))
                    k += 1
                out += [".RS 2", ".nf"] + block + [".fi", ".RE"]
                continue
            if out[-1].startswith((".RE", ".IP")) or out[-1] == ".fi":
                out.append(".PP")
            out.append(roff_text(line.strip()))
            k += 1
    return out


def command_section(c, path):
    name = " ".join(path)
    args = visible(c.get("arguments"))
    out = [".SS " + json.dumps(name)]
    out += synopsis(name, args)
    if c.get("abstract"):
        out += [".PP", roff_text(c["abstract"])]
    if c.get("discussion"):
        out += paragraphs(c["discussion"])
    for a in args:
        if a["kind"] == "positional":
            head = "\\fI" + a.get("valueName", "value").upper() + "\\fR"
        else:
            head = ", ".join(bold_option(n) for n in sorted(a["names"], key=lambda n: n["kind"] != "short"))
            if a["kind"] == "option":
                head += " \\fI" + a.get("valueName", "value") + "\\fR"
        text = a.get("abstract", "")
        # A default the help text already explains (one the machine decides, such as the
        # number of cores) is not repeated: the page must not depend on the build machine.
        if a.get("defaultValue") not in (None, "") and a["kind"] == "option" and "default" not in text:
            text += " (default: " + a["defaultValue"] + ")"
        out += [".TP", head, roff_text(text)]
    return out


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: generate-manual.py VANBAN OUTPUT.1 [YYYY-MM-DD]")
    exe, output = sys.argv[1], sys.argv[2]
    if len(sys.argv) == 4:
        date = sys.argv[3]
    elif os.environ.get("SOURCE_DATE_EPOCH"):
        date = datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.timezone.utc).strftime("%Y-%m-%d")
    else:
        here = os.path.dirname(os.path.abspath(__file__))
        r = subprocess.run(["git", "-C", here, "log", "-1", "--format=%cs"], capture_output=True, text=True)
        date = r.stdout.strip() or datetime.date.today().isoformat()
    info = json.loads(subprocess.run([exe, "--experimental-dump-help"], capture_output=True, text=True, check=True).stdout)
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    root = info["command"]
    name = root["commandName"]
    subcommands = [c for c in root.get("subcommands", []) if c.get("shouldDisplay", True) and c["commandName"] != "help"]

    out = [
        '.\\" Generated by Scripts/generate-manual.py from `%s --experimental-dump-help`; do not edit.' % name,
        '.TH %s 1 "%s" "%s %s" "User Commands"' % (name.upper(), date, name, version),
        ".SH NAME",
        "%s \\- %s" % (name, roff_text(root.get("abstract", ""))),
        ".SH SYNOPSIS",
    ]
    for c in subcommands:
        args = visible(c.get("arguments"))
        out += synopsis("%s %s" % (name, c["commandName"]), args)
    out += [".SY " + json.dumps(name + " help"), "\\fICOMMAND\\fR", ".YS",
            ".SY " + name, "[\\fB\\-\\-version\\fR] [\\fB\\-h\\fR|\\fB\\-\\-help\\fR]", ".YS"]
    out += [".SH DESCRIPTION", ".PP", roff_text(root.get("abstract", ""))]
    out += [".PP", "Every command accepts \\fB\\-h\\fR, \\fB\\-\\-help\\fR; "
            "\\fB%s help \\fICOMMAND\\fR prints the same text as this page does for one command." % name]
    out += [".SH COMMANDS"]
    for c in subcommands:
        out += command_section(c, [name, c["commandName"]])
    out += [
        ".SH ENVIRONMENT",
        ".TP", "\\fBVANBAN_TEMPLATES\\fR",
        "Folders of templates, separated by \\fB:\\fR, searched after the \\fB\\-\\-templates\\fR folders and before the shipped templates.",
        ".SH FILES",
        ".TP", "\\fI<folder of the executable>/../share/vanban/templates\\fR",
        "The shipped templates (for an installed \\fB%s\\fR in \\fI/usr/local/bin\\fR: \\fI/usr/local/share/vanban/templates\\fR). "
        "A development build run from a package's \\fI.build\\fR folder uses the package's \\fITemplates\\fR folder instead." % name,
        ".SH EXIT STATUS",
    ]
    out += paragraphs(root.get("discussion", ""))
    out += [".SH SEE ALSO", "The project's README.md and Docs/ folder (the template language, the checks, the batch)."]
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
