/* test_answer_memo.c - the memo of the cells a column named answers by
 * (answer_memo.h) and the row loader that fills it (case_rows.c). A memo
 * that gave a stale or wrong answer fails here: the table itself under
 * cells that share a set, differ only in their middle bytes or push each
 * other out; and whole batches whose answers are given by their texts,
 * in any case and with spaces, alternating row after row, the same text
 * naming different answers in two questions, a text that is another
 * answer's id, against the same rows given by their ids. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_memo.h"

/* ---- the table ----------------------------------------------------- */

static long found(const ras_answer_memo *m, size_t q, const char *text)
{
    const ras_memo_slot *s = ras_answer_memo_find(m, q, text, strlen(text));
    if (!s)
        return -1;
    assert_int_equal(s->n, 1);
    assert_int_equal(s->points, 10 * s->answer[0]);
    assert_int_equal(s->adjust, s->answer[0]);
    return s->answer[0];
}

static void put(ras_answer_memo *m, size_t q, const char *text, long answer)
{
    ras_answer_memo_put(m, q, text, strlen(text), &answer, 1, 10 * answer, answer);
}

static void test_memo_keys(void **state)
{
    (void)state;
    ras_answer_memo *m = ras_answer_memo_new();
    assert_non_null(m);
    assert_int_equal(found(m, 0, "Answer a"), -1);
    /* One text, two questions: two entries. */
    put(m, 0, "Often", 0);
    put(m, 1, "Often", 2);
    assert_int_equal(found(m, 0, "Often"), 0);
    assert_int_equal(found(m, 1, "Often"), 2);
    assert_int_equal(found(m, 2, "Often"), -1);
    /* The bytes as written: case and spaces make other keys. */
    assert_int_equal(found(m, 0, "often"), -1);
    assert_int_equal(found(m, 0, " Often"), -1);
    assert_int_equal(found(m, 0, "Ofte"), -1);
    /* Empty and too long are never kept. */
    put(m, 0, "", 1);
    assert_int_equal(found(m, 0, ""), -1);
    char longest[RAS_MEMO_KEY_MAX + 2];
    memset(longest, 'x', sizeof longest - 1);
    longest[sizeof longest - 1] = '\0';
    put(m, 0, longest, 1);
    assert_int_equal(found(m, 0, longest), -1);
    longest[RAS_MEMO_KEY_MAX] = '\0';
    put(m, 0, longest, 1);
    assert_int_equal(found(m, 0, longest), 1);
    ras_answer_memo_free(m);
    ras_answer_memo_free(NULL);
}

/* Cells of every length that share their first and last 8 bytes and
 * differ in one byte between: each names its own answer. */
static void test_memo_middle(void **state)
{
    (void)state;
    ras_answer_memo *m = ras_answer_memo_new();
    assert_non_null(m);
    for (size_t len = 17; len <= RAS_MEMO_KEY_MAX; len++) {
        char text[RAS_MEMO_KEY_MAX + 1];
        for (size_t at = 8; at < len - 8; at++) {
            memset(text, 'm', len);
            text[len] = '\0';
            text[at] = 'X';
            put(m, 3, text, (long)at);
        }
        for (size_t at = 8; at < len - 8; at++) {
            memset(text, 'm', len);
            text[len] = '\0';
            text[at] = 'X';
            long got = found(m, 3, text);
            assert_true(got == -1 || got == (long)at);
        }
        memset(text, 'm', len);
        text[len] = '\0';
        assert_int_equal(found(m, 3, text), -1);
    }
    /* The two cells of a multiple question the benchmark writes. */
    put(m, 4, "Activity a | Activity c", 0);
    put(m, 4, "Activity e | Activity c", 4);
    assert_int_equal(found(m, 4, "Activity a | Activity c"), 0);
    assert_int_equal(found(m, 4, "Activity e | Activity c"), 4);
    ras_answer_memo_free(m);
}

/* Far more cells than slots: cells push each other out, and a cell is
 * then not found, but never found naming another cell's answer. */
static void test_memo_pushed_out(void **state)
{
    (void)state;
    ras_answer_memo *m = ras_answer_memo_new();
    assert_non_null(m);
    enum { CELLS = 20000 };
    char text[32];
    for (long i = 0; i < CELLS; i++) {
        snprintf(text, sizeof text, "%s %ld", i % 2 ? "Answer" : "Some longer answer", i);
        put(m, (size_t)(i % 3), text, i);
    }
    long kept = 0;
    for (long i = 0; i < CELLS; i++) {
        snprintf(text, sizeof text, "%s %ld", i % 2 ? "Answer" : "Some longer answer", i);
        long got = found(m, (size_t)(i % 3), text);
        assert_true(got == -1 || got == i);
        kept += got == i;
        assert_int_equal(found(m, (size_t)(i % 3 + 1), text), -1);
    }
    assert_true(kept > 0 && kept <= 2 * (long)RAS_MEMO_SETS);
    /* The last cells put are all there. */
    for (long i = CELLS - 8; i < CELLS; i++) {
        snprintf(text, sizeof text, "%s %ld", i % 2 ? "Answer" : "Some longer answer", i);
        assert_int_equal(found(m, (size_t)(i % 3), text), i);
    }
    ras_answer_memo_free(m);
}

/* A multiple cell's list: up to RAS_MEMO_CHOICES answers are kept. */
static void test_memo_lists(void **state)
{
    (void)state;
    ras_answer_memo *m = ras_answer_memo_new();
    assert_non_null(m);
    long list[RAS_MEMO_CHOICES + 1];
    for (long i = 0; i <= RAS_MEMO_CHOICES; i++)
        list[i] = 10 - i;
    ras_answer_memo_put(m, 5, "a;b", 3, list, 2, 19, -3);
    ras_answer_memo_put(m, 5, "all", 3, list, RAS_MEMO_CHOICES, 7, 0);
    ras_answer_memo_put(m, 5, "too many", 8, list, RAS_MEMO_CHOICES + 1, 7, 0);
    ras_answer_memo_put(m, 5, " ", 1, list, 0, 0, 0);
    const ras_memo_slot *s = ras_answer_memo_find(m, 5, "a;b", 3);
    assert_non_null(s);
    assert_int_equal(s->n, 2);
    assert_int_equal(s->answer[0], 10);
    assert_int_equal(s->answer[1], 9);
    assert_int_equal(s->points, 19);
    assert_int_equal(s->adjust, -3);
    s = ras_answer_memo_find(m, 5, "all", 3);
    assert_non_null(s);
    assert_int_equal(s->n, RAS_MEMO_CHOICES);
    assert_int_equal(s->answer[RAS_MEMO_CHOICES - 1], 10 - (RAS_MEMO_CHOICES - 1));
    assert_null(ras_answer_memo_find(m, 5, "too many", 8));
    s = ras_answer_memo_find(m, 5, " ", 1);
    assert_non_null(s);
    assert_int_equal(s->n, 0);
    ras_answer_memo_free(m);
}

/* ---- the row loader ------------------------------------------------ */

/* q1 and q2 share the texts Often and Never, naming different answers;
 * q2's answer z has the text "a", q1's id a. q3's texts share their
 * first and last bytes in a cell of two ("Activity a | Activity c"). q4's
 * text is longer than the memo keeps. q5's two answers share a text. */
static const char questionnaire[] =
    "questionnaire: t\n"
    "version: \"1\"\n"
    "title: T\n"
    "domains:\n"
    "  - id: care\n"
    "    title: Care\n"
    "    questions:\n"
    "      - id: q1\n"
    "        text: One?\n"
    "        answers:\n"
    "          - {id: a, text: Often, points: 1}\n"
    "          - {id: b, text: Sometimes, points: 2, adjust: 10%}\n"
    "          - {id: c, text: Never, points: 3}\n"
    "          - {id: d, text: Needs help with most tasks on most days, points: 5}\n"
    "      - id: q2\n"
    "        text: Two?\n"
    "        answers:\n"
    "          - {id: x, text: Never, points: 10}\n"
    "          - {id: y, text: Often, points: 20}\n"
    "          - {id: z, text: a, points: 40}\n"
    "      - id: q3\n"
    "        type: multiple\n"
    "        required: false\n"
    "        text: Three?\n"
    "        answers:\n"
    "          - {id: a, text: Activity a, points: 100}\n"
    "          - {id: b, text: Activity b, points: 200}\n"
    "          - {id: c, text: Activity c, points: 400}\n"
    "          - {id: d, text: Activity d, points: 800}\n"
    "          - {id: e, text: Activity e, points: 1600}\n"
    "      - id: q4\n"
    "        required: false\n"
    "        text: Four?\n"
    "        answers:\n"
    "          - {id: p, text: \"A very long answer text, longer than sixty-four bytes, "
    "kept nowhere\", points: 3000}\n"
    "          - {id: r, text: Short, points: 6000}\n"
    "      - id: q5\n"
    "        required: false\n"
    "        text: Five?\n"
    "        answers:\n"
    "          - {id: s, text: Same, points: 10000}\n"
    "          - {id: t, text: same, points: 20000}\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 1.00}\n";

static char *run_batch(const char *csv)
{
    ras_model *m = test_model(questionnaire, table);
    char *text = test_batch_text(m, csv);
    ras_model_free(m);
    return text;
}

#define HEADER                                                                                     \
    "client_id,status,points,ras_amount,indicative_budget,weekly_budget,basis,panel,scoring,"      \
    "message\n"

/* Hand-worked: the same text names another answer in each question, a
 * text that is another answer's id, a long cell differing in its middle,
 * texts alternating between rows. */
static void test_rows_by_text(void **state)
{
    (void)state;
    char *out = run_batch("client_id,q1,q2,q3,q4\n"
                          "T1,Often,Often,Activity a | Activity c,\n"        /* 1+20+500 */
                          "T2,Never,Never,Activity e | Activity c,\n"        /* 3+10+2000 */
                          "T3,Often,a,Activity a | Activity c,Short\n"       /* 1+40+500+6000 */
                          "T4,a,Often,Activity e | Activity c,\n"            /* 1+20+2000 */
                          "T5,NEVER, often ,activity E|Activity C,short\n"   /* 3+20+2000+6000 */
                          "T6,Sometimes,A,Activity e;b;Activity d,\n"        /* 2+40+2600, 10% */
                          "T7,Often,Never,Activity c | Activity a,\n"        /* 1+10+500 */
                          "T8,Needs help with most tasks on most days,x,,\n" /* 5+10 */
                          "T9,needs help with most tasks on most days,Never, ,\n");
    assert_string_equal(out, HEADER "T1,ok,521,521.00,521.00,10.02,ras,no,s@1,\n"
                                    "T2,ok,2013,2013.00,2013.00,38.71,ras,no,s@1,\n"
                                    "T3,ok,6541,6541.00,6541.00,125.79,ras,no,s@1,\n"
                                    "T4,ok,2021,2021.00,2021.00,38.87,ras,no,s@1,\n"
                                    "T5,ok,8023,8023.00,8023.00,154.29,ras,no,s@1,\n"
                                    "T6,ok,2642,2906.20,2906.20,55.89,ras,no,s@1,\n"
                                    "T7,ok,511,511.00,511.00,9.83,ras,no,s@1,\n"
                                    "T8,ok,15,15.00,15.00,0.29,ras,no,s@1,\n"
                                    "T9,ok,15,15.00,15.00,0.29,ras,no,s@1,\n");
    free(out);
}

/* A text no answer has is refused with the general setter's message
 * (the allowed ids listed), after and before the same column's known
 * texts; so are an answer chosen twice, an empty answer, a text two
 * answers share and a text too long to keep. None is remembered. */
static void test_rows_refused(void **state)
{
    (void)state;
    const char *rows = "client_id,q1,q2,q3,q4,q5\n"
                       "E1,Often,Often,Activity a,,\n"
                       "E2,Rarely,Often,Activity a,,\n"
                       "E3,Often,Often,Activity a | activity A,,\n"
                       "E4,Often,Often,Activity a |,,\n"
                       "E5,Often;Never,Often,,,\n"
                       "E6,Often,Often,,,Same\n"
                       "E7,Often,Often,Activity a | Activity x,,\n"
                       "E8,Often,Often,Activity a,A very long answer text,\n"
                       "E9,Often,Often,Activity a,\"A very long answer text, longer than "
                       "sixty-four bytes, kept nowhere\",s\n"
                       "E10,Rarely,Often,Activity a,,\n";
    {
        char *out = run_batch(rows);
        assert_string_equal(
            out, HEADER
            "E1,ok,121,121.00,121.00,2.33,ras,no,s@1,\n"
            "E2,error,,,,,,,,\"line 3, column 'q1': unknown answer 'Rarely' (expected a, b, c or "
            "d)\"\n"
            "E3,error,,,,,,,,\"line 4, column 'q3': answer 'activity A' is chosen twice\"\n"
            "E4,error,,,,,,,,\"line 5, column 'q3': an empty answer id in 'Activity a |'\"\n"
            "E5,error,,,,,,,,\"line 6, column 'q1': unknown answer 'Often;Never' (expected a, b, "
            "c or d)\"\n"
            "E6,error,,,,,,,,\"line 7, column 'q5': 'Same' is the text of more than one answer: "
            "give its id (s or t)\"\n"
            "E7,error,,,,,,,,\"line 8, column 'q3': unknown answer 'Activity x' (expected a, b, "
            "c, d or e)\"\n"
            "E8,error,,,,,,,,\"line 9, column 'q4': unknown answer 'A very long answer text' "
            "(expected p or r)\"\n"
            "E9,ok,13121,13121.00,13121.00,252.33,ras,no,s@1,\n"
            "E10,error,,,,,,,,\"line 11, column 'q1': unknown answer 'Rarely' (expected a, b, c "
            "or d)\"\n");
        free(out);
    }
}

/* Many rows whose answers are given by their texts, spelled several ways
 * and alternating, against the same rows given by their ids: the two
 * outputs are the same, byte for byte. */
static void test_rows_twin(void **state)
{
    (void)state;
    static const char *const q1[][3] = {{"a", "Often", " often"},
                                        {"b", "Sometimes", "SOMETIMES "},
                                        {"c", "Never", "never"},
                                        {"d", "Needs help with most tasks on most days",
                                         " NEEDS HELP WITH MOST TASKS ON MOST DAYS"}};
    static const char *const q2[][3] = {
        {"x", "Never", "NEVER"}, {"y", "Often", "Y"}, {"z", "a", " A "}};
    static const char *const q3[][3] = {{"a", "Activity a", "activity A"},
                                        {"b", "Activity b", "b"},
                                        {"c", "Activity c", " Activity c "},
                                        {"d", "Activity d", "ACTIVITY D"},
                                        {"e", "Activity e", "E"}};
    static const char *const seps[] = {";", "|", " | ", " ; "};
    enum { ROWS = 3000 };
    size_t size = 64 + (size_t)ROWS * 512;
    char *by_text = malloc(size), *by_id = malloc(size);
    assert_non_null(by_text);
    assert_non_null(by_id);
    size_t nt = (size_t)snprintf(by_text, size, "client_id,q1,q2,q3\n");
    size_t ni = (size_t)snprintf(by_id, size, "client_id,q1,q2,q3\n");
    unsigned long x = 12345;
    for (int i = 0; i < ROWS; i++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        unsigned long r = x >> 20;
        size_t a1 = r % 4, a2 = (r >> 3) % 3, k = (r >> 6) % 4, s1 = (r >> 9) % 5,
               s2 = (r >> 12) % 5, v = 1 + (r >> 15) % 2, sep = (r >> 18) % 4;
        if (s2 == s1)
            s2 = (s1 + 1) % 5;
        char text3[128] = "", id3[8] = "";
        if (k >= 1) {
            snprintf(text3, sizeof text3, "%s", q3[s1][v]);
            snprintf(id3, sizeof id3, "%s", q3[s1][0]);
        }
        if (k >= 2) {
            size_t at = strlen(text3);
            snprintf(text3 + at, sizeof text3 - at, "%s%s", seps[sep], q3[s2][(v + i) % 2 + 1]);
            at = strlen(id3);
            snprintf(id3 + at, sizeof id3 - at, ";%s", q3[s2][0]);
        }
        nt += (size_t)snprintf(by_text + nt, size - nt, "R%d,%s,%s,%s\n", i, q1[a1][1 + i % 2],
                               q2[a2][1 + (i / 2) % 2], text3);
        ni +=
            (size_t)snprintf(by_id + ni, size - ni, "R%d,%s,%s,%s\n", i, q1[a1][0], q2[a2][0], id3);
    }
    char *out_text = run_batch(by_text), *out_id = run_batch(by_id);
    assert_null(strstr(out_id, ",error,"));
    assert_string_equal(out_text, out_id);
    free(out_text);
    free(out_id);
    free(by_text);
    free(by_id);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memo_keys),       cmocka_unit_test(test_memo_middle),
        cmocka_unit_test(test_memo_pushed_out), cmocka_unit_test(test_memo_lists),
        cmocka_unit_test(test_rows_by_text),    cmocka_unit_test(test_rows_refused),
        cmocka_unit_test(test_rows_twin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
