/* floor FRAMES: the least ncurses can spend on a key of the dashboard. It replays the
 * dashboard's own frames (frames.py: the cells, attributes and colours the terminal showed),
 * the next one on every key and q to quit, the way GridPainter and TerminalScreen draw: each
 * row's changed stretch copied with wadd_wchnstr, then wnoutrefresh + doupdate, one write a
 * frame. Nothing else happens on a key, so its latency, bytes and instructions are those of
 * ncurses alone making the same screen change (bench/floor/run.sh). */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <ncurses.h>
enum { W = 100, H = 30, F = 51 };  /* 100x30, the first screen + 50 keys */
typedef struct { int ch, attr, fg, bg; } C;
static C frames[F][H][W];
static int pairs[300][300], npairs;
static int pair_of(int fg, int bg) {
    if (fg == -1 && bg == -1) return 0;
    int *p = &pairs[fg + 1][bg + 1];
    if (!*p) { *p = ++npairs; init_extended_pair(*p, fg, bg); }
    return *p;
}
static void paint(int f, int full) {
    static cchar_t line[W];
    for (int y = 0; y < H; y++) {
        int first = 0, last = W - 1;
        if (!full) {
            while (first <= last && !memcmp(&frames[f][y][first], &frames[f - 1][y][first], sizeof(C))) first++;
            if (first > last) continue;
            while (!memcmp(&frames[f][y][last], &frames[f - 1][y][last], sizeof(C))) last--;
            while (first > 0 && frames[f][y][first].ch == 0) first--;
        }
        int n = 0;
        for (int x = first; x <= last; x++) {
            C c = frames[f][y][x];
            if (c.ch == 0) continue;
            attr_t a = 0;
            if (c.attr & 1) a |= A_BOLD;
            if (c.attr & 2) a |= A_DIM;
            if (c.attr & 4) a |= A_REVERSE;
            if (c.attr & 8) a |= A_UNDERLINE;
            if (c.attr & 16) a |= A_ITALIC;
            wchar_t text[2] = { (wchar_t)c.ch, 0 };
            int pair = pair_of(c.fg, c.bg);
            setcchar(&line[n++], text, a, 0, &pair);
        }
        wmove(stdscr, y, first);
        wadd_wchnstr(stdscr, line, n);
    }
    wnoutrefresh(stdscr);
    doupdate();
}
int main(int argc, char **argv) {
    FILE *in = argc > 1 ? fopen(argv[1], "r") : NULL;
    if (!in) { fprintf(stderr, "usage: floor FRAMES (from frames.py)\n"); return 1; }
    for (int f = 0; f < F; f++) for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
        C *c = &frames[f][y][x];
        if (fscanf(in, "%d,%d,%d,%d", &c->ch, &c->attr, &c->fg, &c->bg) != 4) {
            fprintf(stderr, "floor: %s holds fewer than %d frames of %dx%d\n", argv[1], F, W, H);
            return 2;
        }
    }
    setlocale(LC_ALL, "");
    newterm(NULL, stdout, stdin);
    cbreak(); noecho(); nonl(); keypad(stdscr, TRUE); curs_set(0); leaveok(stdscr, TRUE); typeahead(-1);
    endwin(); wrefresh(stdscr);  /* as TerminalScreen.writeFramesWhole: one write per frame */
    start_color(); use_default_colors();
    paint(0, 1);
    int f = 0;
    for (;;) {
        wint_t key;
        if (wget_wch(stdscr, &key) == ERR) continue;
        if (key == 'q') break;
        if (f + 1 < F) paint(++f, 0);
    }
    endwin();
    return 0;
}
