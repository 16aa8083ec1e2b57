/* gen_big.c - writes a model at the size limits of docs/performance.md
 * ("Large models") and one case for it, into folder DIR:
 *   gen_big questions N DIR   N single questions (answers a, b) in 100
 *                             domains, one case answering all of them
 *                             (DIR/case.yaml) and a one-row batch
 *                             (DIR/cases.csv, N + 6 columns)
 *   gen_big answers N DIR     one multiple question with N answers, one
 *                             case choosing every one
 * The model goes to DIR/model (questionnaire.yaml, scoring.yaml). The
 * output depends on the arguments only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

static void scoring(const char *dir)
{
    FILE *f = open_in(dir, "model/scoring.yaml");
    fputs("scoring: big-1\nversion: \"1\"\nquestionnaire: big\nthreshold: 1\n"
          "groups:\n  default:\n    bands:\n      - {from: 0, rate: 1.25}\n",
          f);
    fclose(f);
}

static void questions(unsigned long n, const char *dir)
{
    FILE *q = open_in(dir, "model/questionnaire.yaml");
    fputs("questionnaire: big\nversion: \"1\"\ntitle: Big\ndomains:\n", q);
    unsigned long per = n / 100 ? n / 100 : 1;
    for (unsigned long i = 0; i < n; i++) {
        if (i % per == 0)
            fprintf(q, "  - id: d%lu\n    title: D%lu\n    questions:\n", i / per, i / per);
        fprintf(q,
                "      - {id: q%lu, text: Q, answers: [{id: a, text: A, points: 0}, "
                "{id: b, text: B, points: 1}]}\n",
                i);
    }
    fclose(q);
    FILE *c = open_in(dir, "case.yaml");
    fputs("client:\n  id: C1\nanswers:\n", c);
    for (unsigned long i = 0; i < n; i++)
        fprintf(c, "  q%lu: %s\n", i, i % 3 ? "a" : "b");
    fclose(c);
    FILE *csv = open_in(dir, "cases.csv");
    fputs("client_id,group,new_client,needs_increased,existing_package,assessed_on", csv);
    for (unsigned long i = 0; i < n; i++)
        fprintf(csv, ",q%lu", i);
    fputs("\nC1,,,,,", csv);
    for (unsigned long i = 0; i < n; i++)
        fputs(i % 3 ? ",a" : ",b", csv);
    fputs("\n", csv);
    fclose(csv);
}

static void answers(unsigned long n, const char *dir)
{
    FILE *q = open_in(dir, "model/questionnaire.yaml");
    fputs("questionnaire: big\nversion: \"1\"\ntitle: Big\ndomains:\n"
          "  - id: d\n    title: D\n    questions:\n      - id: many\n        text: Q\n"
          "        type: multiple\n        answers:\n",
          q);
    for (unsigned long i = 0; i < n; i++)
        fprintf(q, "          - {id: a%lu, text: A, points: %d}\n", i, (int)(i % 2));
    fclose(q);
    FILE *c = open_in(dir, "case.yaml");
    fputs("client:\n  id: C1\nanswers:\n  many:\n", c);
    for (unsigned long i = 0; i < n; i++)
        fprintf(c, "    - a%lu\n", n - 1 - i); /* backwards: the worst order for a scan */
    fclose(c);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen_big questions|answers N DIR\n");
        return 2;
    }
    unsigned long n = strtoul(argv[2], NULL, 10);
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/model", argv[3]);
    mkdir(argv[3], 0777); /* an existing folder is fine; fopen reports the rest */
    mkdir(sub, 0777);
    scoring(argv[3]);
    if (strcmp(argv[1], "questions") == 0)
        questions(n, argv[3]);
    else if (strcmp(argv[1], "answers") == 0)
        answers(n, argv[3]);
    else
        return 2;
    return 0;
}
