#!/usr/bin/python3
# test/sh/lib/mkformats.py — real-format copies of a plain-text plan, made
# by the tests themselves (not a test; used by planload_formats.sh and
# bench/intake.sh).  Debian's own Python and libraries only:
#
#   mkformats.py docx TXT OUT   python3-docx; 一、（一）1.（1） numbers become
#                               Word's automatic list numbering (written into
#                               numbering.xml through python-docx's XML API), so
#                               they are NOT in the file's text; runs of
#                               tab-separated lines become Word tables
#   mkformats.py pdf  TXT OUT   python3-reportlab with the WenQuanYi Zen Hei
#                               font (fonts-wqy-zenhei): a real text layer;
#                               paragraphs wrapped at the margin with a 2-character
#                               first-line indent, a running header on every page
#                               of a longer document and "— N —" page numbers
#   mkformats.py ofd  TXT OUT   GB/T 33190 package written with zipfile: the
#                               same page layout as the PDF, one TextObject per
#                               line with its DeltaX advances
#   mkformats.py batch KINDS OUTDIR TXT...   several files and formats at once
#   mkformats.py html TXT OUT [ENCODING [DOCNO ISSUER DATE SUBJECT]]
#                               a page in the layout of www.gov.cn: site menus,
#                               the metadata table (标题 索引号 发文机关 发文字号
#                               成文日期 主题分类), the text as <p>s in the
#                               content div, a footer; ENCODING utf-8 (declared),
#                               gb2312 (declared), gb18030-undeclared
#
# The numbering model in docx mirrors the one planload renders (counters per
# abstract definition, lvlRestart, startOverride at an instance's first use):
# whenever a number in the text is not what Word would show next, a new
# instance with a start override is begun, as Word does for "restart at n".
import re
import sys
import zipfile
from xml.sax.saxutils import escape

CN = "〇一二三四五六七八九"


def cn(n):
    """一 … 九十九 as pd_cn_format writes them (what Word's chineseCounting shows)."""
    if n < 10:
        return CN[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else CN[t]) + "十" + (CN[u] if u else "")


CN_VALUES = {cn(i): i for i in range(1, 100)}

PATTERNS = [  # level, regex, value of group 1
    (0, re.compile(r"^([一二三四五六七八九十]+)、(.*)$"), lambda g: CN_VALUES.get(g)),
    (1, re.compile(r"^（([一二三四五六七八九十]+)）(.*)$"), lambda g: CN_VALUES.get(g)),
    (2, re.compile(r"^(\d{1,2})\.(?!\d)(.*)$"), int),
    (3, re.compile(r"^（(\d{1,2})）(.*)$"), int),
]


def numbered(line):
    for lvl, rx, val in PATTERNS:
        m = rx.match(line)
        if m and m.group(2) and val(m.group(1)):
            return lvl, val(m.group(1)), m.group(2)
    return None


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


# ---- DOCX ---------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class NumModel:
    """Word's counting as planload renders it (intake_numbering.c)."""

    def __init__(self, restart1):
        self.restart = [-1, 0 if restart1 == "never" else -1, -1, -1]
        self.count = [0] * 4
        self.started = [False] * 4

    def next(self, lvl, override=None):
        if override is not None:
            self.count[lvl] = override
            self.started[lvl] = True
        elif not self.started[lvl]:
            self.count[lvl] = 1
            self.started[lvl] = True
        else:
            self.count[lvl] += 1
        for m in range(lvl + 1, 4):
            r = self.restart[m]
            if r < 0 or (r > 0 and lvl < r):
                self.started[m] = False
        return self.count[lvl]

    def peek(self, lvl):
        return self.count[lvl] + 1 if self.started[lvl] else 1


def plan_numbering(lines, restart1):
    """(level, override or None) for each numbered line; the number of overrides."""
    model, plan, overrides = NumModel(restart1), {}, 0
    for i, line in enumerate(lines):
        n = numbered(line)
        if not n:
            continue
        lvl, want, _ = n
        if model.peek(lvl) == want:
            model.next(lvl)
            plan[i] = (lvl, None)
        else:
            model.next(lvl, want)
            plan[i] = (lvl, want)
            overrides += 1
    return plan, overrides


def abstract_xml(aid, restart1, fmt0):
    lvls = [(0, fmt0, "%1、"), (1, "chineseCounting", "（%2）"), (2, "decimal", "%3."),
            (3, "decimal", "（%4）")]
    out = []
    for ilvl, fmt, text in lvls:
        restart = '<w:lvlRestart w:val="0"/>' if (ilvl == 1 and restart1 == "never") else ""
        out.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}'
                   f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>')
    return (f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(out)}</w:abstractNum>')


def make_docx(lines, out):
    import docx
    from docx.oxml import parse_xml

    # the restart rule that needs fewer restarts for this document
    plans = {r: plan_numbering(lines, r) for r in ("default", "never")}
    restart1 = min(plans, key=lambda r: plans[r][1])
    plan = plans[restart1][0]

    d = docx.Document()
    numbering = d.part.numbering_part.element
    aid, first_num = 90, 900
    # Word puts every abstractNum before the first num
    fmt0 = "chineseCountingThousand" if restart1 == "never" else "chineseCounting"
    numbering.insert(0, parse_xml(abstract_xml(aid, restart1, fmt0)))
    next_num = [first_num]

    def new_num(override_lvl=None, start=None):
        nid = next_num[0]
        next_num[0] += 1
        ov = ""
        if override_lvl is not None:
            ov = (f'<w:lvlOverride w:ilvl="{override_lvl}"><w:startOverride w:val="{start}"/>'
                  f'</w:lvlOverride>')
        numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="{nid}">'
                                   f'<w:abstractNumId w:val="{aid}"/>{ov}</w:num>'))
        return nid

    cur = new_num()
    body_lines = list(enumerate(lines))
    i = 0
    while i < len(body_lines):
        idx, line = body_lines[i]
        if "\t" in line:
            # a run of tab-separated lines: one table
            j = i
            rows = []
            while j < len(body_lines) and "\t" in body_lines[j][1]:
                rows.append(body_lines[j][1].split("\t"))
                j += 1
            ncols = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncols)
            for r, cells in enumerate(rows):
                for c in range(ncols):
                    t.cell(r, c).text = cells[c] if c < len(cells) else ""
            i = j
            continue
        if idx in plan:
            lvl, override = plan[idx]
            if override is not None:
                cur = new_num(lvl, override)
            text = numbered(line)[2]
            p = d.add_paragraph(text)
            ppr = p._p.get_or_add_pPr()
            ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{lvl}"/>'
                                    f'<w:numId w:val="{cur}"/></w:numPr>'))
        else:
            d.add_paragraph(line)
        i += 1
    d.save(out)


# ---- page layout shared by PDF and OFD ---------------------------------------

def layout(lines, width_of, page_w, page_h, margin, em, leading, header):
    """Pages of draw operations (x, baseline y from the top, text, size)."""
    pages, ops = [], []
    y = margin + em
    right = page_w - margin
    text_w = right - margin

    def newline(step):
        nonlocal y, ops
        y += step
        if y > page_h - margin:
            pages.append(ops)
            ops = []
            y = margin + em

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "":
            newline(leading / 2)
            i += 1
            continue
        if "\t" in line:
            j = i
            rows = []
            while j < len(lines) and "\t" in lines[j]:
                rows.append(lines[j].split("\t"))
                j += 1
            ncols = max(len(r) for r in rows)
            size = em
            while True:
                widths = [max((width_of(r[c], size) if c < len(r) else 0) for r in rows)
                          for c in range(ncols)]
                gap = 2.5 * size
                if sum(widths) + gap * (ncols - 1) <= text_w or size <= em * 0.4:
                    break
                size *= 0.9
            for r in rows:
                x = margin
                for c in range(ncols):
                    if c < len(r) and r[c]:
                        ops.append((x, y, r[c], size))
                    x += widths[c] + gap
                newline(leading)
            i = j
            continue
        if i == 0:
            # the title, centred
            w = width_of(line, em)
            if w <= text_w:
                ops.append(((page_w - w) / 2, y, line, em))
                newline(leading * 1.5)
                i += 1
                continue
        # a paragraph: first line indented by two characters, wrapped at the
        # margin; a line between two table rows is a merged row of the table,
        # at its left edge
        in_table = 0 < i < len(lines) - 1 and "\t" in lines[i - 1] and "\t" in lines[i + 1]
        x = margin + (0 if in_table else 2 * em)
        cur = ""
        for ch in line:
            if x + width_of(cur + ch, em) > right + 0.01:
                ops.append((x, y, cur, em))
                newline(leading)
                x, cur = margin, ""
            cur += ch
        if cur:
            ops.append((x, y, cur, em))
        newline(leading)
        i += 1
    if ops:
        pages.append(ops)
    # page furniture: a running header on longer documents, page numbers always
    for n, p in enumerate(pages, 1):
        if len(pages) >= 2:
            p.append((margin, margin * 0.5, header, em * 0.75))
        num = f"— {n} —"
        p.append(((page_w - width_of(num, em * 0.8)) / 2, page_h - margin * 0.45, num, em * 0.8))
    return pages


FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
HEADER = "XX市人民政府行政规范性文件"


def make_pdf(lines, out):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("zh", FONT, subfontIndex=0))
    W_, H_ = 595.28, 841.89

    def width_of(s, size):
        return pdfmetrics.stringWidth(s, "zh", size)

    pages = layout(lines, width_of, W_, H_, 72, 12, 20, HEADER)
    c = canvas.Canvas(out, pagesize=(W_, H_))
    c.setTitle(lines[0])
    for ops in pages:
        for x, y, text, size in ops:
            c.setFont("zh", size)
            c.drawString(x, H_ - y, text)
        c.showPage()
    c.save()


def ofd_width(s, size):
    return sum(size * (0.5 if ord(ch) < 0x2E80 else 1.0) for ch in s)


def make_ofd(lines, out):
    W_, H_ = 210.0, 297.0
    pages = layout(lines, ofd_width, W_, H_, 25.4, 4.23, 7.05, HEADER)
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD {ns} Version="1.0" '
                   f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>plandata-test</ofd:DocID>'
                   f'<ofd:Title>{escape(lines[0])}</ofd:Title></ofd:DocInfo>'
                   f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{100 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                            for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document {ns}>'
                   f'<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea>'
                   f'<ofd:PhysicalBox>0 0 {W_} {H_}</ofd:PhysicalBox></ofd:PageArea>'
                   f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                   f'<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res {ns} '
                   f'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/>'
                   f'</ofd:Fonts></ofd:Res>')
        uid = 1000
        for i, ops in enumerate(pages):
            objs = []
            for x, y, text, size in ops:
                uid += 1
                adv = [size * (0.5 if ord(ch) < 0x2E80 else 1.0) for ch in text]
                w = sum(adv)
                dx = " ".join(f"{a:.3f}" for a in adv[:-1])
                objs.append(f'<ofd:TextObject ID="{uid}" Boundary="{x:.3f} {y - size:.3f} {w + 1:.3f} '
                            f'{size * 1.4:.3f}" Font="1" Size="{size:.3f}"><ofd:TextCode X="0" '
                            f'Y="{size:.3f}"' + (f' DeltaX="{dx}"' if dx else "") +
                            f'>{escape(text)}</ofd:TextCode></ofd:TextObject>')
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page {ns}><ofd:Content>'
                       f'<ofd:Layer ID="{uid + 1}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')
            uid += 1


# ---- a gov.cn page -----------------------------------------------------------

def make_html(lines, out, encoding="utf-8", docno="", issuer="", date="", subject=""):
    title = lines[0]
    rest = lines[1:]
    # the title may run over two lines in the text (国务院办公厅转发…\n…的通知)
    declared = {"utf-8": '<meta charset="utf-8">',
                "gb2312": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
                "gb18030-undeclared": ""}[encoding]
    paras = []
    for line in rest:
        if "\t" in line:
            cells = "".join(f"<td><p>{escape(c)}</p></td>" for c in line.split("\t"))
            paras.append(f'<table border="1" class="MsoTableGrid"><tr>{cells}</tr></table>')
        elif line.strip():
            paras.append(f'<p style="text-indent: 2em;">{escape(line)}</p>')
        else:
            paras.append("<p><br></p>")
    menus = "".join(f'<li><a href="/c{i}/">{m}</a></li>'
                    for i, m in enumerate(["首页", "简", "繁", "EN", "登录", "无障碍", "国务院",
                                           "总理", "新闻", "政策", "互动", "服务", "数据", "国情"]))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head>{declared}
<meta name="keywords" content="{escape(title)}">
<title>{escape(title)}_政府信息公开_中国政府网</title>
<link rel="stylesheet" href="/css/common.css">
<script type="text/javascript">var _hmt = _hmt || []; /* 一、统计代码，不是正文 */</script>
<style>.pages_content p {{ line-height: 2; }}</style>
</head><body>
<div class="header"><div class="header_top"><ul class="top_menu">{menus}</ul></div>
<div class="logo"><a href="/"><img src="/images/logo.png" alt="中国政府网"></a></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; 政府信息公开</div>
<div class="main">
<div class="policyLibraryOverview_header"><table class="bd1" cellpadding="0" cellspacing="1">
<tbody>
<tr><td class="b12c"><b>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</b></td><td class="b12c">000014349/{date[:4]}-00{len(title)}</td>
<td class="b12c"><b>主题分类：</b></td><td class="b12c">{escape(subject)}</td></tr>
<tr><td class="b12c"><b>发文机关：</b></td><td class="b12c">{escape(issuer)}</td>
<td class="b12c"><b>成文日期：</b></td><td class="b12c">{escape(date)}</td></tr>
<tr><td class="b12c"><b>标　　题：</b></td><td class="b12c" colspan="3">{escape(title)}</td></tr>
<tr><td class="b12c"><b>发文字号：</b></td><td class="b12c">{escape(docno)}</td>
<td class="b12c"><b>发布日期：</b></td><td class="b12c">{escape(date)}</td></tr>
</tbody></table></div>
<div class="article oneColumn pub_border">
<h1>{escape(title)}</h1>
<div class="pages-date">{escape(date)}&nbsp;&nbsp;来源：中国政府网 <span class="font">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{chr(10).join(paras)}
</div>
<div class="share"><span>分享：</span><a href="#">微信</a><a href="#">微博</a></div>
<div class="related"><h3>相关稿件</h3><ul>{"".join(f'<li><a href="/r{i}">相关政策解读文章标题第{i}篇，关于贯彻落实的说明</a></li>' for i in range(8))}</ul></div>
</div></div>
<div class="footer"><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>
<p>版权所有：中国政府网　中文域名：中国政府网.政务</p><p>网站标识码bm01000001　京ICP备05070218号　京公网安备11010202000001号</p></div>
</body></html>
"""
    data = page.encode("gb18030" if encoding != "utf-8" else "utf-8")
    with open(out, "wb") as f:
        f.write(data)


def main():
    if sys.argv[1] == "batch":
        # mkformats.py batch KINDS OUTDIR TXT...: every TXT as OUTDIR/<name>.<kind>
        import os
        kinds, outdir = sys.argv[2].split(","), sys.argv[3]
        for src in sys.argv[4:]:
            name = os.path.splitext(os.path.basename(src))[0]
            lines = read_lines(src)
            for kind in kinds:
                out = os.path.join(outdir, f"{name}.{kind}")
                {"docx": make_docx, "pdf": make_pdf, "ofd": make_ofd, "html": make_html}[kind](lines, out)
        return
    kind, src, out = sys.argv[1:4]
    lines = read_lines(src)
    if kind == "docx":
        make_docx(lines, out)
    elif kind == "pdf":
        make_pdf(lines, out)
    elif kind == "ofd":
        make_ofd(lines, out)
    elif kind == "html":
        make_html(lines, out, *sys.argv[4:9])
    else:
        sys.exit(f"mkformats.py: unknown kind {kind}")


if __name__ == "__main__":
    main()
