#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* Wide-character ncurses; must be defined before the header is included. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Not imported by Swift: wcwidth is behind feature macros on glibc. */
int wcwidth(wchar_t c);

/* C globals and macros Swift cannot see, or cannot see safely in Swift 6. */
static inline WINDOW *chz_stdscr(void) { return stdscr; }
static inline WINDOW *chz_curscr(void) { return curscr; }
static inline int chz_lines(void) { return LINES; }
static inline int chz_cols(void) { return COLS; }
static inline int chz_colors(void) { return COLORS; }
static inline int chz_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t chz_a_normal(void) { return A_NORMAL; }
static inline attr_t chz_a_reverse(void) { return A_REVERSE; }
static inline attr_t chz_a_bold(void) { return A_BOLD; }
static inline attr_t chz_a_dim(void) { return A_DIM; }
static inline attr_t chz_a_underline(void) { return A_UNDERLINE; }

static inline int chz_key_resize(void) { return KEY_RESIZE; }
static inline int chz_err(void) { return ERR; }
static inline int chz_key_code_yes(void) { return KEY_CODE_YES; }

/* Writes one wide string at (y, x) with the given attributes and colour pair. */
static inline int chz_put(int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    if (wmove(stdscr, y, x) == ERR) return ERR;
    wattr_set(stdscr, attrs, pair, NULL);
    int rc = waddnwstr(stdscr, text, count);
    wattr_set(stdscr, A_NORMAL, 0, NULL);
    return rc;
}

/* Clears the rest of row y from column x in the given attributes (the row's fill). */
static inline void chz_clear_to_eol(int y, int x, attr_t attrs, short pair) {
    if (wmove(stdscr, y, x) == ERR) return;
    wattr_set(stdscr, attrs, pair, NULL);
    wbkgdset(stdscr, ' ' | attrs | COLOR_PAIR(pair));
    wclrtoeol(stdscr);
    wbkgdset(stdscr, ' ');
    wattr_set(stdscr, A_NORMAL, 0, NULL);
}

/* Shifts rows top...bottom of stdscr up by n (down when n < 0); the rows that come in are
   blank in the default background, to be drawn by the caller. doupdate() then sends the
   shift as a terminal scroll instead of rewriting the rows. */
static inline int chz_scroll_rows(int top, int bottom, int n) {
    wbkgdset(stdscr, ' ');
    if (wsetscrreg(stdscr, top, bottom) == ERR) return ERR;
    scrollok(stdscr, TRUE);
    int rc = wscrl(stdscr, n);
    scrollok(stdscr, FALSE);
    wsetscrreg(stdscr, 0, LINES - 1);
    return rc;
}

/* Mouse: the masks are macros. Presses, clicks and the wheel; no motion reports. */
static inline mmask_t chz_mouse_events(void) {
    mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    mask |= BUTTON5_PRESSED;
#endif
    return mask;
}
static inline mmask_t chz_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t chz_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t chz_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t chz_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}

#endif
