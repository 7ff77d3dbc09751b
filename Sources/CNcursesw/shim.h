// ncursesw for Swift: the wide-character API switched on, and the macros and mutable globals
// Swift cannot import (or, in Swift 6 mode, may not touch) wrapped as small inline functions.
// Only StudyTerminal imports this module.
#ifndef STUDYDASH_CNCURSESW_SHIM_H
#define STUDYDASH_CNCURSESW_SHIM_H

// SwiftPM drops the -D flags of ncursesw.pc ("prohibited flags"), and without these two
// ncurses.h hides get_wch, cchar_t, setcchar and wadd_wch.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>  // setupterm, tigetstr, del_curterm: the terminal check before newterm

// stdscr and curscr are mutable C globals: Swift 6 refuses to read them.
static inline WINDOW *studydash_stdscr(void) { return stdscr; }
static inline WINDOW *studydash_curscr(void) { return curscr; }

// cur_term is a mutable global too; the terminal check frees what setupterm put there.
static inline TERMINAL *studydash_cur_term(void) { return cur_term; }

// COLORS (how many colours the terminal has) is a global set by start_color.
static inline int studydash_colors(void) { return COLORS; }

// newterm instead of initscr, because initscr exit()s the process when it fails; stdout and
// stdin are C globals Swift 6 refuses, so they are passed here.
static inline SCREEN *studydash_newterm(void) { return newterm(NULL, stdout, stdin); }

// Flushes C stdio's stdout: before writing an escape sequence of our own (OSC 52) with write(2).
static inline void studydash_flush_stdout(void) { fflush(stdout); }

// glibc declares wcwidth only for _XOPEN_SOURCE/_GNU_SOURCE builds, which Swift's Glibc module
// is not; the painter needs the same widths ncurses uses (this locale's).
static inline int studydash_wcwidth(wchar_t character) { return wcwidth(character); }

// getmaxyx is a macro assigning to its arguments.
static inline void studydash_size(int *height, int *width) {
    int y, x;
    getmaxyx(stdscr, y, x);
    *height = y;
    *width = x;
}

// The A_* attributes are NCURSES_BITS(...) macros, which Swift cannot import.
static inline attr_t studydash_attr_bold(void) { return A_BOLD; }
static inline attr_t studydash_attr_dim(void) { return A_DIM; }
static inline attr_t studydash_attr_reverse(void) { return A_REVERSE; }
static inline attr_t studydash_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t studydash_attr_italic(void) { return A_ITALIC; }

// KEY_F(n) is a function-like macro.
static inline int studydash_key_f(int n) { return KEY_F(n); }

// get_wch is a macro on stdscr; this reads one key from stdscr into *value (a character, or a
// KEY_* code when the result is KEY_CODE_YES) and returns OK, KEY_CODE_YES or ERR (timeout, or
// a signal interrupted the read).
static inline int studydash_get_wch(int *value) {
    wint_t key = 0;
    int result = wget_wch(stdscr, &key);
    *value = (int)key;
    return result;
}

#endif
