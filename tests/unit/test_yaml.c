/* test_yaml.c - the YAML document reader (yaml_doc.c) and the typed
 * readers over it (yaml_get.c): what they accept, what they refuse, and
 * where they say the fault lies. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "support.h"
#include "yaml_doc.h"
#include "yaml_get.h"

static ras_status parse(ras_ydoc *doc, const char *text, ras_error *err)
{
    ras_source src = {"t.yaml", text, strlen(text)};
    ras_error_clear(err);
    return ras_ydoc_parse(doc, &src, err);
}

/* Parses text, expecting it to fail with this status at line:column and a
 * message holding `part`. */
static void expect_refused(const char *text, ras_status status, unsigned long line,
                           unsigned long column, const char *part)
{
    ras_ydoc doc;
    ras_error err;
    ras_status st = parse(&doc, text, &err);
    if (st != status || err.line != line || err.column != column || !strstr(err.message, part)) {
        char buf[1024];
        ras_error_format(&err, buf, sizeof buf);
        fail_msg("for %s: got status %d, '%s'; expected %d at %lu:%lu with '%s'", text, st, buf,
                 status, line, column, part);
    }
    assert_string_equal(err.file, "t.yaml");
    assert_null(doc.root);
    ras_ydoc_free(&doc);
}

static void test_tree(void **state)
{
    (void)state;
    ras_ydoc doc;
    ras_error err;
    assert_int_equal(parse(&doc, "a: 1\nb:\n  - x\n  - 'y'\n  - {c: ''}\nd: ~\n", &err), RAS_OK);
    const ras_ynode *r = doc.root;
    assert_non_null(r);
    assert_int_equal(r->kind, RAS_YMAP);
    assert_int_equal(r->n, 3);
    const ras_ynode *a = ras_ymap_get(r, "a");
    assert_int_equal(a->kind, RAS_YSCALAR);
    assert_string_equal(a->text, "1");
    assert_int_equal(a->line, 1);
    assert_int_equal(a->column, 4);
    const ras_ynode *b = ras_ymap_get(r, "b");
    assert_int_equal(b->kind, RAS_YSEQ);
    assert_int_equal(b->n, 3);
    assert_int_equal(b->line, 3);
    assert_int_equal(b->column, 3);
    assert_true(b->items[0]->plain);
    assert_false(b->items[1]->plain);
    assert_string_equal(b->items[1]->text, "y");
    assert_int_equal(b->items[2]->kind, RAS_YMAP);
    const ras_ynode *c = ras_ymap_get(b->items[2], "c");
    assert_int_equal(c->len, 0);
    assert_false(ras_ynode_is_null(c)); /* '' is quoted: an empty string, not null */
    assert_true(ras_ynode_is_null(ras_ymap_get(r, "d")));
    assert_null(ras_ymap_get(r, "e"));
    assert_null(ras_ymap_get(a, "x")); /* not a map */
    ras_ydoc_free(&doc);
}

static void test_empty_documents(void **state)
{
    (void)state;
    const char *empties[] = {"", "# just a comment\n", "---\n", "--- ~\n"};
    for (size_t i = 0; i < 3; i++) {
        ras_ydoc doc;
        ras_error err;
        assert_int_equal(parse(&doc, empties[i], &err), RAS_OK);
        assert_null(doc.root);
        ras_ydoc_free(&doc);
    }
    /* A document that is only `~` is a null scalar, left to the caller. */
    ras_ydoc doc;
    ras_error err;
    assert_int_equal(parse(&doc, empties[3], &err), RAS_OK);
    assert_true(ras_ynode_is_null(doc.root));
    ras_ydoc_free(&doc);
}

static void test_anchors_and_aliases(void **state)
{
    (void)state;
    expect_refused("a: &x 1\nb: 2\n", RAS_ERR_SYNTAX, 1, 4, "anchors are not allowed");
    expect_refused("a: &x\n  b: 1\nc: *x\n", RAS_ERR_SYNTAX, 1, 4, "'&x'");
    expect_refused("a: 1\nb: *x\n", RAS_ERR_SYNTAX, 2, 4, "aliases are not allowed (found '*x')");
    expect_refused("- &l [1]\n", RAS_ERR_SYNTAX, 1, 3, "anchors");
}

static void test_tags(void **state)
{
    (void)state;
    expect_refused("a: !!str 1\n", RAS_ERR_SYNTAX, 1, 4, "tags are not allowed");
    expect_refused("a: !custom\n  b: 1\n", RAS_ERR_SYNTAX, 1, 4, "'!custom'");
    expect_refused("--- !!map\na: 1\n", RAS_ERR_SYNTAX, 1, 5, "tags");
}

static void test_documents(void **state)
{
    (void)state;
    expect_refused("a: 1\n---\nb: 2\n", RAS_ERR_SYNTAX, 2, 1, "only one YAML document");
    expect_refused("--- 1\n--- 2\n", RAS_ERR_SYNTAX, 2, 1, "only one YAML document");
}

static void test_duplicate_keys(void **state)
{
    (void)state;
    expect_refused("a: 1\nb: 2\na: 3\n", RAS_ERR_SYNTAX, 3, 1, "duplicate key 'a'");
    expect_refused("top:\n  x: 1\n  y: 2\n  x: 3\n", RAS_ERR_SYNTAX, 4, 3, "duplicate key 'x'");
    /* The first repeat in the file is the one reported. */
    expect_refused("b: 1\na: 1\nb: 2\na: 2\n", RAS_ERR_SYNTAX, 3, 1, "duplicate key 'b'");
    expect_refused("{k: 1, k: 2}\n", RAS_ERR_SYNTAX, 1, 8, "duplicate key 'k'");
    /* Quoting does not make a key different. */
    expect_refused("a: 1\n'a': 2\n", RAS_ERR_SYNTAX, 2, 1, "duplicate key 'a'");
    /* Small maps are checked pair by pair, larger ones sorted: either way
     * the first repeat in the file is reported (here k1, though k0 sorts
     * first), at every size around the change. */
    for (size_t n = 4; n <= 20; n++) {
        char s[512];
        size_t len = 0;
        for (size_t i = 0; i + 2 < n; i++)
            len += (size_t)snprintf(s + len, sizeof s - len, "k%zu: 1\n", i);
        snprintf(s + len, sizeof s - len, "k1: 2\nk0: 2\n");
        expect_refused(s, RAS_ERR_SYNTAX, (unsigned long)n - 1, 1, "duplicate key 'k1'");
    }
    ras_error err;
    ras_ydoc doc;
    assert_int_equal(parse(&doc, "a: 1\nab: 2\nb: {a: 1}\n", &err), RAS_OK);
    ras_ydoc_free(&doc);
}

static void test_non_scalar_keys(void **state)
{
    (void)state;
    expect_refused("? [a, b]\n: 1\n", RAS_ERR_SYNTAX, 1, 3,
                   "key must be a plain value, not a list");
    expect_refused("{? {a: 1} : 2}\n", RAS_ERR_SYNTAX, 1, 4, "not a mapping");
}

static void test_tabs(void **state)
{
    (void)state;
    expect_refused("a:\n\tb: 2\n", RAS_ERR_SYNTAX, 2, 1, "not tabs, to indent");
    expect_refused("a: 1\n\tb: 2\n", RAS_ERR_SYNTAX, 2, 1, "tab");
    /* A tab inside a value is fine. */
    ras_ydoc doc;
    ras_error err;
    assert_int_equal(parse(&doc, "a: \"x\ty\"\n", &err), RAS_OK);
    assert_string_equal(ras_ymap_get(doc.root, "a")->text, "x\ty");
    ras_ydoc_free(&doc);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    /* Truncated input: libyaml's problem and its context both shown. */
    expect_refused("a: [1, 2\n", RAS_ERR_SYNTAX, 2, 1,
                   "did not find expected ',' or ']' (while parsing a flow sequence at line 1, "
                   "column 4)");
    expect_refused("a: {b: 1\n", RAS_ERR_SYNTAX, 2, 1, "flow mapping");
    expect_refused("a: \"abc\n", RAS_ERR_SYNTAX, 2, 1, "unexpected end of stream");
    expect_refused("a: 1\n b: 2\n", RAS_ERR_SYNTAX, 2, 3,
                   "mapping values are not allowed in this context");
    expect_refused("- a\nb: 1\n", RAS_ERR_SYNTAX, 2, 1, "expected '-' indicator");
    /* Bytes that are not UTF-8: located from the reader's offset. */
    expect_refused("a: 1\nb: \xff\n", RAS_ERR_SYNTAX, 2, 4, "invalid leading UTF-8 octet");
    expect_refused("a: \x01\n", RAS_ERR_SYNTAX, 1, 4, "control characters");
}

/* Nesting of depth n: [[[...]]] */
static char *nested(size_t n)
{
    char *s = malloc(2 * n + 2);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) {
        s[i] = '[';
        s[n + i] = ']';
    }
    s[2 * n] = '\n';
    s[2 * n + 1] = '\0';
    return s;
}

static void test_depth(void **state)
{
    (void)state;
    char *ok = nested(RAS_MAX_YAML_DEPTH);
    ras_ydoc doc;
    ras_error err;
    assert_int_equal(parse(&doc, ok, &err), RAS_OK);
    assert_non_null(doc.root);
    ras_ydoc_free(&doc);
    free(ok);
    char *deep = nested(RAS_MAX_YAML_DEPTH + 1);
    expect_refused(deep, RAS_ERR_LIMIT, 1, RAS_MAX_YAML_DEPTH + 1, "deeper than 32");
    free(deep);
    char *hostile = nested(100000);
    expect_refused(hostile, RAS_ERR_LIMIT, 1, RAS_MAX_YAML_DEPTH + 1, "nesting");
    free(hostile);
}

static void test_size_limit(void **state)
{
    (void)state;
    size_t n = RAS_MAX_DOC_BYTES + 1;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, '#', n);
    ras_source src = {"big.yaml", big, n};
    ras_ydoc doc;
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_ydoc_parse(&doc, &src, &err), RAS_ERR_LIMIT);
    assert_string_equal(err.file, "big.yaml");
    assert_non_null(strstr(err.message, "16 MiB"));
    free(big);
}

static void test_many_keys(void **state)
{
    (void)state;
    /* A wide map is checked for repeats quickly and exactly. */
    size_t n = 50000;
    char *s = malloc(n * 16 + 32);
    assert_non_null(s);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(s + len, "k%zu: %zu\n", i, i);
    ras_ydoc doc;
    ras_error err;
    assert_int_equal(parse(&doc, s, &err), RAS_OK);
    assert_int_equal(doc.root->n, n);
    ras_ydoc_free(&doc);
    len += (size_t)sprintf(s + len, "k777: 1\n");
    expect_refused(s, RAS_ERR_SYNTAX, (unsigned long)n + 1, 1, "duplicate key 'k777'");
    free(s);
}

/* ---- typed readers ---- */

typedef struct reader_fixture {
    ras_ydoc doc;
    ras_error err;
    ras_yreader r;
} reader_fixture;

static const ras_ynode *value_of(reader_fixture *f, const char *text, const char *key)
{
    assert_int_equal(parse(&f->doc, text, &f->err), RAS_OK);
    f->r = (ras_yreader){"t.yaml", RAS_ERR_MODEL, &f->err};
    const ras_ynode *n = ras_ymap_get(f->doc.root, key);
    assert_non_null(n);
    return n;
}

static void expect_error(reader_fixture *f, ras_status st, unsigned long line, unsigned long column,
                         const char *part)
{
    assert_int_equal(st, RAS_ERR_MODEL);
    if (f->err.line != line || f->err.column != column || !strstr(f->err.message, part))
        fail_msg("got %lu:%lu '%s', expected %lu:%lu '%s'", f->err.line, f->err.column,
                 f->err.message, line, column, part);
    assert_string_equal(f->err.file, "t.yaml");
    assert_int_equal(f->err.status, RAS_ERR_MODEL);
}

static void test_get_int(void **state)
{
    (void)state;
    reader_fixture f;
    int64_t v = -1;
    const ras_ynode *n = value_of(&f, "x: 42\n", "x");
    assert_int_equal(ras_yget_int(&f.r, n, NULL, "x", 0, 100, &v), RAS_OK);
    assert_int_equal(v, 42);
    ras_ydoc_free(&f.doc);

    n = value_of(&f, "x: -3\n", "x");
    expect_error(&f, ras_yget_int(&f.r, n, "question 'q'", "x", 0, 100, &v), 1, 4,
                 "question 'q': 'x' must be 0 or more, not -3");
    assert_string_equal(f.err.subject, "x");
    ras_ydoc_free(&f.doc);

    n = value_of(&f, "x: 101\n", "x");
    expect_error(&f, ras_yget_int(&f.r, n, NULL, "x", 0, 100, &v), 1, 4, "at most 100");
    ras_ydoc_free(&f.doc);

    n = value_of(&f, "x: 99999999999999999999999\n", "x");
    expect_error(&f, ras_yget_int(&f.r, n, NULL, "x", 0, 100, &v), 1, 4, "at most 100");
    ras_ydoc_free(&f.doc);

    const char *bad[] = {"x: 1.5\n", "x: 0x10\n", "x: 1_000\n", "x: '12a'\n", "x: [1]\n", "x:\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = value_of(&f, bad[i], "x");
        assert_int_equal(ras_yget_int(&f.r, n, NULL, "x", 0, 100, &v), RAS_ERR_MODEL);
        assert_non_null(strstr(f.err.message, "'x' must be a whole number"));
        ras_ydoc_free(&f.doc);
    }
    assert_int_equal(v, 42);
}

static void test_get_money(void **state)
{
    (void)state;
    reader_fixture f;
    ras_pence v = 0;
    const ras_ynode *n = value_of(&f, "m: 150.5\n", "m");
    assert_int_equal(ras_yget_money(&f.r, n, NULL, "m", &v), RAS_OK);
    assert_int_equal(v, 15050);
    ras_ydoc_free(&f.doc);

    const char *bad[] = {"m: 1.234\n", "m: -5.00\n", "m: +5\n", "m: 1,000\n", "m: £5\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = value_of(&f, bad[i], "m");
        expect_error(&f, ras_yget_money(&f.r, n, "table", "m", &v), 1, 4,
                     "table: 'm' must be an amount in pounds with at most two decimals");
        ras_ydoc_free(&f.doc);
    }
    n = value_of(&f, "m: 99999999999999999999\n", "m");
    expect_error(&f, ras_yget_money(&f.r, n, NULL, "m", &v), 1, 4, "too large");
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "m: 1000000000001\n", "m"); /* just over RAS_MAX_PENCE */
    expect_error(&f, ras_yget_money(&f.r, n, NULL, "m", &v), 1, 4, "too large");
    ras_ydoc_free(&f.doc);
}

static void test_get_percent_bool_date(void **state)
{
    (void)state;
    reader_fixture f;
    int32_t pct = 0;
    const ras_ynode *n = value_of(&f, "p: -12.5%\n", "p");
    assert_int_equal(ras_yget_percent(&f.r, n, NULL, "p", &pct), RAS_OK);
    assert_int_equal(pct, -1250);
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "p: 10\n", "p");
    expect_error(&f, ras_yget_percent(&f.r, n, NULL, "p", &pct), 1, 4, "must be a percentage");
    ras_ydoc_free(&f.doc);

    const char *yes[] = {"yes", "Y", "TRUE", "1", "True"};
    for (size_t i = 0; i < 5; i++) {
        char text[32];
        snprintf(text, sizeof text, "b: %s\n", yes[i]);
        bool v = false;
        n = value_of(&f, text, "b");
        assert_int_equal(ras_yget_bool(&f.r, n, NULL, "b", &v), RAS_OK);
        assert_true(v);
        ras_ydoc_free(&f.doc);
    }
    const char *no[] = {"no", "N", "false", "0", "NO"};
    for (size_t i = 0; i < 5; i++) {
        char text[32];
        snprintf(text, sizeof text, "b: %s\n", no[i]);
        bool v = true;
        n = value_of(&f, text, "b");
        assert_int_equal(ras_yget_bool(&f.r, n, NULL, "b", &v), RAS_OK);
        assert_false(v);
        ras_ydoc_free(&f.doc);
    }
    bool v;
    n = value_of(&f, "b: maybe\n", "b");
    expect_error(&f, ras_yget_bool(&f.r, n, NULL, "b", &v), 1, 4,
                 "'b' must be yes or no, not 'maybe'");
    ras_ydoc_free(&f.doc);

    ras_date d = 0;
    n = value_of(&f, "d: 2012-02-29\n", "d");
    assert_int_equal(ras_yget_date(&f.r, n, NULL, "d", &d), RAS_OK);
    assert_int_equal(d, 20120229);
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "d: 2011-02-30\n", "d");
    expect_error(&f, ras_yget_date(&f.r, n, NULL, "d", &d), 1, 4, "a date that exists");
    ras_ydoc_free(&f.doc);
}

static void test_get_string_and_id(void **state)
{
    (void)state;
    reader_fixture f;
    const char *text;
    size_t len;
    const ras_ynode *n = value_of(&f, "s: 2010.1\n", "s");
    assert_int_equal(ras_yget_string(&f.r, n, NULL, "s", &text, &len), RAS_OK);
    assert_string_equal(text, "2010.1");
    ras_ydoc_free(&f.doc);

    const char *missing[] = {"s:\n", "s: ~\n", "s: null\n", "s: NULL\n"};
    for (size_t i = 0; i < 4; i++) {
        n = value_of(&f, missing[i], "s");
        expect_error(&f, ras_yget_string(&f.r, n, NULL, "s", &text, &len), 1, i == 0 ? 3 : 4,
                     "'s' is missing its value");
        ras_ydoc_free(&f.doc);
    }
    n = value_of(&f, "s: 'null'\n", "s"); /* quoted: the word itself */
    assert_int_equal(ras_yget_string(&f.r, n, NULL, "s", &text, &len), RAS_OK);
    assert_string_equal(text, "null");
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "s: {a: 1}\n", "s");
    expect_error(&f, ras_yget_string(&f.r, n, NULL, "s", &text, &len), 1, 4,
                 "'s' must be text, not a mapping");
    ras_ydoc_free(&f.doc);

    n = value_of(&f, "id: adult-saq_2\n", "id");
    assert_int_equal(ras_yget_id(&f.r, n, NULL, "id", &text, &len), RAS_OK);
    assert_int_equal(len, 11);
    ras_ydoc_free(&f.doc);
    const char *bad[] = {"id: Adult\n", "id: a b\n", "id: 'a.b'\n", "id: ä\n"};
    for (size_t i = 0; i < 4; i++) {
        n = value_of(&f, bad[i], "id");
        expect_error(&f, ras_yget_id(&f.r, n, NULL, "id", &text, &len), 1, 5,
                     "must be an id of lower-case letters");
        ras_ydoc_free(&f.doc);
    }
    char longid[RAS_MAX_ID + 16];
    memset(longid, 'a', sizeof longid);
    memcpy(longid, "id: ", 4);
    longid[4 + RAS_MAX_ID + 1] = '\n';
    longid[4 + RAS_MAX_ID + 2] = '\0';
    n = value_of(&f, longid, "id");
    expect_error(&f, ras_yget_id(&f.r, n, NULL, "id", &text, &len), 1, 5, "longer than 64");
    ras_ydoc_free(&f.doc);
    longid[4 + RAS_MAX_ID] = '\n';
    longid[4 + RAS_MAX_ID + 1] = '\0';
    n = value_of(&f, longid, "id");
    assert_int_equal(ras_yget_id(&f.r, n, NULL, "id", &text, &len), RAS_OK);
    assert_int_equal(len, RAS_MAX_ID);
    ras_ydoc_free(&f.doc);
}

static void test_get_keys(void **state)
{
    (void)state;
    static const char *const allowed[] = {"id", "text", "help", NULL};
    static const char *const required[] = {"id", "text", NULL};
    reader_fixture f;
    const ras_ynode *n = value_of(&f, "q:\n  id: a\n  text: b\n", "q");
    assert_int_equal(ras_yget_keys(&f.r, n, "question", required, allowed), RAS_OK);
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "q:\n  id: a\n  text: b\n  colour: red\n", "q");
    expect_error(&f, ras_yget_keys(&f.r, n, "question 'a'", required, allowed), 4, 3,
                 "question 'a': unknown key 'colour' (expected id, text or help)");
    assert_string_equal(f.err.subject, "colour");
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "q:\n  id: a\n", "q");
    expect_error(&f, ras_yget_keys(&f.r, n, "question 'a'", required, allowed), 2, 3,
                 "question 'a': missing key 'text'");
    ras_ydoc_free(&f.doc);
    n = value_of(&f, "q: [1]\n", "q");
    expect_error(&f, ras_yget_keys(&f.r, n, NULL, required, allowed), 1, 4,
                 "expected a mapping of keys to values, not a list");
    ras_ydoc_free(&f.doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tree),
        cmocka_unit_test(test_empty_documents),
        cmocka_unit_test(test_anchors_and_aliases),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_duplicate_keys),
        cmocka_unit_test(test_non_scalar_keys),
        cmocka_unit_test(test_tabs),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_get_int),
        cmocka_unit_test(test_get_money),
        cmocka_unit_test(test_get_percent_bool_date),
        cmocka_unit_test(test_get_string_and_id),
        cmocka_unit_test(test_get_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
