/*
 * Unit tests of planload's decoder (src/planload/decode.c): detection, BOMs,
 * conversion, line ends, and the reasons and byte offsets of failures; and
 * the file-name cleaners.  Encoded samples are made with iconv here.
 */
#include "ctest.h"
#include "planload.h"

#include <iconv.h>
#include <stdlib.h>

/* a plan-like paragraph, long enough for uchardet to be sure */
static const char *sample =
	"重慶市推進以人為本新型城鎮化五年行動實施方案\n"
	"一、總體要求\n"
	"堅持以人民為中心，把推進農業轉移人口市民化作為首要任務，統籌城鄉融合和區域協調。\n"
	"（一）深化戶籍制度改革。全面取消中心城區以外區縣落戶限制，完善積分落戶辦法。"
	"（責任單位：市公安局、市教委、市人力社保局，各區縣政府）\n"
	"（二）健全就業服務體系。完善覆蓋城鄉的公共就業服務網絡，每年開展職業技能培訓20萬人次以上。\n"
	"二、推進區縣域新型工業化和城鎮化協同\n"
	"（三）推動產業園區提檔升級。聚焦主導產業建設特色園區，完善園區基礎設施和公共服務配套。\n";

static char *
encode(const char *to, const char *s, size_t *outlen)
{
	iconv_t		cd = iconv_open(to, "UTF-8");
	size_t		inlen = strlen(s),
				cap = inlen * 4 + 16,
				ol = cap;
	char	   *out = malloc(cap + 1),
			   *ip = (char *) s,
			   *op = out;

	if (cd == (iconv_t) -1 || iconv(cd, &ip, &inlen, &op, &ol) == (size_t) -1)
	{
		fprintf(stderr, "iconv to %s failed\n", to);
		exit(2);
	}
	iconv_close(cd);
	*outlen = (size_t) (op - out);
	return out;
}

/* a writable copy with the spare byte pl_decode wants */
static char *
buf_of(const char *bytes, size_t len)
{
	char	   *b = malloc(len + 1);

	memcpy(b, bytes, len);
	return b;
}

/* a string literal and its length (embedded NULs included) */
#define L(lit) (lit), (sizeof(lit) - 1)

static char why[512];
static pl_text text;

static bool
decode(const char *bytes, size_t len, const char *forced)
{
	char	   *b = buf_of(bytes, len);
	bool		ok;

	why[0] = '\0';
	pl_text_free(&text);
	ok = pl_decode(b, len, forced, &text, why, sizeof why);
	if (ok && !text.owned)
	{
		/* the text points into b: keep a copy for the checks */
		char	   *copy = malloc(text.len + 1);

		memcpy(copy, text.data, text.len + 1);
		text.data = copy;
		text.owned = true;
	}
	free(b);
	return ok;
}

static void
check_converts(const char *iconv_name, const char *bom, size_t bomlen, const char *want_encoding)
{
	size_t		n;
	char	   *enc = encode(iconv_name, sample, &n);
	char	   *all = malloc(n + bomlen);

	memcpy(all, bom, bomlen);
	memcpy(all + bomlen, enc, n);
	CHECK(decode(all, n + bomlen, NULL));
	CHECK_STR(text.encoding, want_encoding);
	CHECK_STR(text.data, sample);
	CHECK_INT(text.len, strlen(sample));
	free(enc);
	free(all);
}

int
main(void)
{
	size_t		n;
	char	   *gb;

	/* UTF-8: as is; BOM dropped; CRLF and CR become LF */
	CHECK(decode(sample, strlen(sample), NULL));
	CHECK_STR(text.encoding, "UTF-8");
	CHECK_STR(text.data, sample);
	CHECK(decode(L("\xEF\xBB\xBF一、总体要求\r\n（一）目标\r\r\n二、措施\r"), NULL));
	CHECK_STR(text.encoding, "UTF-8 with BOM");
	CHECK_STR(text.data, "一、总体要求\n（一）目标\n\n二、措施\n");
	CHECK(decode(L("\xEF\xBB\xBF\xEF\xBB\xBF" "a\xEF\xBB\xBF"), NULL));	/* pasted files: every leading BOM */
	CHECK_STR(text.data, "a\xEF\xBB\xBF");
	CHECK(decode(L("a\xEF\xBF\xBD" "b"), NULL));	/* a literal U+FFFD is text */
	CHECK_STR(text.data, "a\xEF\xBF\xBD" "b");

	/* the encodings planload detects */
	check_converts("GB18030", "", 0, "GB18030");
	check_converts("BIG5", "", 0, "Big5");
	check_converts("UTF-16LE", "\xFF\xFE", 2, "UTF-16LE with BOM");
	check_converts("UTF-16BE", "\xFE\xFF", 2, "UTF-16BE with BOM");
	check_converts("UTF-32LE", "\xFF\xFE\0\0", 4, "UTF-32LE with BOM");
	check_converts("UTF-32BE", "\0\0\xFE\xFF", 4, "UTF-32BE with BOM");
	check_converts("GB18030", "\x84\x31\x95\x33", 4, "GB18030 with BOM");

	/* GB18030 is not damaged UTF-8, and CRLF is normalised after conversion */
	gb = encode("GB18030", "一、总体要求\r\n（一）目标\r\n二、工作措施和重点任务安排\r\n", &n);
	CHECK(decode(gb, n, "GB18030"));
	CHECK_STR(text.data, "一、总体要求\n（一）目标\n二、工作措施和重点任务安排\n");
	CHECK_STR(text.encoding, "GB18030");

	/* GB18030 cut inside a character, and a bad byte in it */
	free(gb);
	gb = encode("GB18030", sample, &n);
	{
		size_t		i = 100;

		while ((unsigned char) gb[i] < 0x81)
			i++;
		CHECK(!decode(gb, i + 1, NULL));
		{
			char		want[200];

			snprintf(want, sizeof want, "invalid GB18030 at byte offset %zu: truncated multibyte sequence "
					 "(the file ends inside a character)", i);
			CHECK_STR(why, want);
			gb[i + 1] = '\n';
			CHECK(!decode(gb, n, NULL));
			snprintf(want, sizeof want, "invalid GB18030 at byte offset %zu: bytes that form no GB18030 character", i);
			CHECK_STR(why, want);
		}
	}
	free(gb);

	/* damaged UTF-8: the first bad sequence, its offset, how many more */
	CHECK(!decode(L("一、总体要求\xE4\xB8"), NULL));
	CHECK_STR(why, "invalid UTF-8 at byte offset 18: truncated multibyte sequence (the file ends inside a character)");
	CHECK(!decode(L("一、总\xE4\xB8" "体要求"), NULL));
	CHECK_STR(why, "invalid UTF-8 at byte offset 9: truncated multibyte sequence (0xE4 followed by 0xE4)");
	CHECK(!decode(L("一、总体\xFF要求一、总体要求一、总体要求一、总体要求一、\xC0\x80总体要求"), NULL));
	CHECK_STR(why, "invalid UTF-8 at byte offset 12: invalid byte 0xFF, and 1 more invalid sequence after it");
	CHECK(!decode(L("\x80\x80\x80一、总体要求一、总体要求一、总体要求一、总体要求一、总体要求"), NULL));
	CHECK_STR(why, "invalid UTF-8 at byte offset 0: unexpected continuation byte 0x80");
	CHECK(!decode(L("\xEF\xBB\xBF一、总\xE4\xB8"), NULL));	/* offsets count the BOM */
	CHECK_STR(why, "invalid UTF-8 at byte offset 12: truncated multibyte sequence (the file ends inside a character)");
	CHECK(!decode(L("一、总体\xED\xA0\x80要求一、总体要求一、总体要求一、总体要求"), NULL));
	CHECK_STR(why, "invalid UTF-8 at byte offset 12: overlong, surrogate or out-of-range sequence");

	/* not text */
	CHECK(!decode(L(""), NULL));
	CHECK_STR(why, "empty file");
	CHECK(!decode(L("\xEF\xBB\xBF"), NULL));
	CHECK_STR(why, "empty file (only a byte order mark)");
	CHECK(!decode(L(" \r\n\t\xE3\x80\x80\n"), NULL));
	CHECK_STR(why, "no text: the file holds only white space");
	CHECK(!decode(L("abc\0def"), NULL));
	CHECK_STR(why, "not a text file: NUL byte at byte offset 3");
	CHECK(!decode(L("一、总体要求\x07"), NULL));
	CHECK_STR(why, "not a text file: control byte 0x07 at byte offset 18");
	CHECK(!decode(L("%PDF-1.7\n%\xE2\xE3\xCF\xD3"), NULL));
	CHECK_STR(why, "not a text file: a PDF document; convert it to text first");
	CHECK(!decode(L("PK\x03\x04\x14\0\x06\0"), NULL));
	CHECK_STR(why, "not a text file: a ZIP archive (.docx, .xlsx, .ofd, .zip); save it as plain text first");
	{
		char	   *u16 = encode("UTF-16LE", sample, &n);

		CHECK(!decode(u16, n, NULL));
		CHECK(strstr(why, "not a text file: ") == why);
		CHECK(strstr(why, "(UTF-16 without a byte order mark? use --encoding UTF-16LE or UTF-16BE)") != NULL);
		CHECK(decode(u16, n, "UTF-16LE"));	/* forced */
		CHECK_STR(text.data, sample);
		CHECK_STR(text.encoding, "UTF-16LE");
		free(u16);
	}
	CHECK(decode(L("\x01\x00\x00\x00"), "UTF-32LE") == false);	/* U+0001 */
	CHECK_STR(why, "not a text file: control character U+0001 at character 1");
	CHECK(!decode(L("caf\xE9 au lait, na\xEFve, d\xE9j\xE0 vu\n"), NULL));
	CHECK(strstr(why, "unsupported encoding") == why || strstr(why, "encoding not recognised") == why);
	CHECK(pl_encoding_known("gb18030"));
	CHECK(pl_encoding_known("utf8"));
	CHECK(!pl_encoding_known("NO-SUCH-ENCODING"));

	/* file names */
	{
		char	   *a = pl_display_name("two\nlines\\ \xFF.txt");
		char	   *b = pl_source_name("two\nlines\\ \xFF.txt");

		CHECK_STR(a, "two\\nlines\\\\ \\xFF.txt");
		CHECK_STR(b, "two\nlines\\ \xEF\xBF\xBD.txt");
		free(a);
		free(b);
	}
	pl_text_free(&text);
	return ctest_finish("test_planload");
}
