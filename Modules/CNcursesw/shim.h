#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* Wide-character ncurses; must be defined before the header is included. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stdlib.h>
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

/* A run of `count` characters of a row in one look (attributes and colour pair). */
typedef struct { int count; attr_t attrs; short pair; } chz_run;

/* Writes row y of stdscr whole, from column 0 to `cols`: the characters of `text`, cut into
   looks by `runs`, then blanks in the last run's look. The cells are built here and stored
   with one wadd_wchnstr, which copies them into the window as they are: no per-character
   wrapping, control-character or cursor handling as in waddnwstr, which cost ten times as
   much. Widths are the C library's wcwidth, as curses measures them. A zero-width character
   joins the cell before it (up to CCHARW_MAX - 1 of them) when that cell is one column wide;
   after a wide character it is dropped, as waddnwstr drops it (it lands in the wide
   character's second cell, which is never sent). That keeps a zero-width joiner from
   reaching the terminal, which would draw an emoji sequence narrower than curses counts it.
   For the same reason the joiner (U+200D) and the emoji presentation selector (U+FE0F) are
   never sent at all, after a narrow character either: tmux draws 🏳️‍🌈 (a narrow flag, the
   selector, the joiner, a wide rainbow) in one cell where wcwidth counts three, and kitty
   or WezTerm draw ❤️ two cells wide where wcwidth counts one. Without them terminals draw
   the parts side by side, as wide as they are counted (skin tones, which joining terminals
   draw inside the emoji before them, are taken out earlier, by the renderer's Sanitizer).
   A character with no width (which the renderer's sanitizing never lets through) becomes
   '?', and a wide character that would cross the right edge becomes blanks. */
static inline int chz_width(wchar_t c) {
    return c >= 0x20 && c < 0x7F ? 1 : wcwidth(c);
}

/* The zero-width characters that change how wide a terminal draws what they join. */
static inline bool chz_never_sent(wchar_t c) {
    return c == 0x200D || c == 0xFE0F;
}

static inline int chz_put_row(int y, const wchar_t *text, const chz_run *runs, int nruns, int cols) {
    if (cols <= 0) return OK;
    cchar_t cells[cols]; /* one per character: curses spreads a wide one over its columns */
    int ncells = 0, x = 0, i = 0;
    wchar_t blank[2] = { L' ', L'\0' };
    cchar_t look; /* the run's look on a blank: each cell is a copy with its character */
    setcchar(&look, blank, A_NORMAL, 0, NULL);
    for (int run = 0; run < nruns && x < cols; run++) {
        setcchar(&look, blank, runs[run].attrs, runs[run].pair, NULL);
        int end = i + runs[run].count;
        while (i < end && x < cols) {
            wchar_t c = text[i++];
            int width = chz_width(c);
            if (width == 0) continue; /* nothing before it on this row to join */
            if (width < 0) { c = L'?'; width = 1; }
            if (x + width > cols) goto fill;
            cchar_t *cell = &cells[ncells++];
            *cell = look;
            cell->chars[0] = c;
            /* Zero-width characters that follow, in this run or the next ones, join it. */
            int n = 1, r = run, rend = end;
            while (1) {
                while (i == rend && r + 1 < nruns) rend += runs[++r].count;
                if (i >= rend || chz_width(text[i]) != 0) break;
                if (width == 1 && n < CCHARW_MAX && !chz_never_sent(text[i])) cell->chars[n++] = text[i];
                i++;
            }
            if (r != run) { end = rend; run = r; setcchar(&look, blank, runs[run].attrs, runs[run].pair, NULL); }
            x += width;
        }
    }
fill:
    /* Blanks in the last run's look fill the row (also where a wide character did not fit). */
    if (nruns > 0) setcchar(&look, blank, runs[nruns - 1].attrs, runs[nruns - 1].pair, NULL);
    while (x < cols) { cells[ncells++] = look; x++; }
    return mvwadd_wchnstr(stdscr, y, 0, cells, ncells);
}

/* chz_put_row for text given as UTF-8 (Swift's own encoding, valid by construction), with
   each run's `count` in bytes: the row is decoded here in one pass instead of character by
   character into a Swift array. */
static inline int chz_put_row_utf8(int y, const unsigned char *bytes, int nbytes, chz_run *runs, int nruns, int cols) {
    /* A row is fitted to the screen by width, and zero-width marks have none: a stranger's
       name may be megabytes of them. Up to 1,024 characters live on the stack, more on the
       heap. */
    wchar_t small[1024];
    wchar_t *text = small;
    if (nbytes > 1024) {
        text = malloc((size_t)nbytes * sizeof(wchar_t));
        if (text == NULL) return ERR;
    }
    int n = 0, i = 0;
    for (int run = 0; run < nruns; run++) {
        int end = i + runs[run].count, start = n;
        if (end > nbytes) end = nbytes;
        while (i < end) {
            unsigned char b = bytes[i];
            wchar_t c;
            int more;
            if (b < 0x80) { c = b; more = 0; }
            else if (b < 0xE0) { c = b & 0x1F; more = 1; }
            else if (b < 0xF0) { c = b & 0x0F; more = 2; }
            else { c = b & 0x07; more = 3; }
            i++;
            while (more-- > 0 && i < nbytes) c = (c << 6) | (bytes[i++] & 0x3F);
            text[n++] = c;
        }
        runs[run].count = n - start;
    }
    int rc = chz_put_row(y, text, runs, nruns, cols);
    if (text != small) free(text);
    return rc;
}

/* Shifts rows top...bottom of `win` up by n (down when n < 0) in a scroll region set for
   the call; the window's own region and scrolling flag are as they were afterwards. */
static inline int chz_scroll_window(WINDOW *win, int top, int bottom, int n) {
    int oldTop = 0, oldBottom = 0;
    wgetscrreg(win, &oldTop, &oldBottom);
    bool wasScrolling = is_scrollok(win);
    if (wsetscrreg(win, top, bottom) == ERR) return ERR;
    scrollok(win, TRUE);
    int rc = wscrl(win, n);
    scrollok(win, wasScrolling);
    wsetscrreg(win, oldTop, oldBottom);
    return rc;
}

/* Shifts rows top...bottom of stdscr up by n (down when n < 0); the rows that come in are
   blank in the default background, to be drawn by the caller. doupdate() then sends the
   shift as a terminal scroll instead of rewriting the rows. */
static inline int chz_scroll_rows(int top, int bottom, int n) {
    wbkgdset(stdscr, ' ');
    return chz_scroll_window(stdscr, top, bottom, n);
}

/* Terminfo, for scrolling the terminal directly (TerminalScroll). Swift cannot call the
   variadic tiparm, and tigetstr's "not a string capability" is (char *)-1. */
static inline const char *chz_cap(const char *name) {
    const char *s = tigetstr(name);
    return (s == (const char *)-1) ? NULL : s;
}
static inline int chz_flag(const char *name) { return tigetflag(name) > 0; }
static inline const char *chz_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }

/* Bytes sent through curses' own output buffer, in order with what doupdate() writes next,
   and out in the same write(). putp() and mvcur() cannot do that: ncurses 6.4 sends them
   through stdio, a second write() per frame, after doupdate's when not flushed. _nc_outch is
   the function curses itself writes with; ncurses has exported it since 5.0, but no header
   declares it, so it is declared weak: chz_can_emit() says whether this ncurses has it. */
extern int _nc_outch(int) __attribute__((weak));
static inline int chz_can_emit(void) { return _nc_outch != NULL; }
static inline void chz_emit(const unsigned char *bytes, int count) {
    for (int i = 0; i < count; i++) _nc_outch(bytes[i]);
}

/* Shifts rows top...bottom up by n (down when n < 0) in stdscr, in newscr (what doupdate
   last composed) and in curscr (what it believes the terminal shows), for a caller that
   scrolls the terminal the same way itself. The rows that come in are blank in all three and
   touched whole in stdscr, to be drawn; no other row of the region is left touched, so
   doupdate() compares, hashes and copies only the rows drawn since, not the whole region as
   after a window scroll (chz_scroll_rows), which it must then find and send itself. */
static inline int chz_shift_screens(int top, int bottom, int n) {
    int count = n > 0 ? n : -n;
    if (n == 0 || top < 0 || bottom >= LINES || count > bottom - top) return ERR;
    WINDOW *windows[3] = { stdscr, newscr, curscr };
    for (int w = 0; w < 3; w++) {
        if (windows[w] == NULL || getmaxy(windows[w]) <= bottom) return ERR;
    }
    wbkgdset(stdscr, ' ');
    for (int w = 0; w < 3; w++) {
        chz_scroll_window(windows[w], top, bottom, n);
        wtouchln(windows[w], top, bottom - top + 1, 0);
    }
    wtouchln(stdscr, n > 0 ? bottom - count + 1 : top, count, 1);
    return OK;
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
