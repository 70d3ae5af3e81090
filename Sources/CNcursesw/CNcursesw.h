/*
 * CNcursesw: the ncursesw wide-character API for Swift, plus a tiny shim.
 *
 * The shim exposes, under `cn_` names, what Swift cannot import (function-like
 * macros such as KEY_F and BUTTON1_PRESSED) or what Swift 6 strict concurrency
 * rejects (mutable C globals such as stdscr, LINES, COLS, COLORS, WACS_*).
 *
 * The wide-character defines must live here: SwiftPM drops the defines that
 * pkg-config reports. Changing this header needs `swift package clean`.
 */
#ifndef CNCURSESW_H
#define CNCURSESW_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* Globals and simple macros. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cn_err(void) { return ERR; }
static inline int cn_ok(void) { return OK; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }

/* Whether the current locale encodes text as UTF-8 (call after setlocale). */
static inline int cn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Moves to (y, x) of stdscr and puts a complex character there. */
static inline int cn_mvadd_wch(int y, int x, const cchar_t *wch) { return mvadd_wch(y, x, wch); }

/* Attributes. */
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }

/* Line drawing, used when the locale cannot print Unicode box characters. */
static inline const cchar_t *cn_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *cn_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *cn_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *cn_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *cn_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *cn_wacs_lrcorner(void) { return WACS_LRCORNER; }
static inline const cchar_t *cn_wacs_ltee(void) { return WACS_LTEE; }
static inline const cchar_t *cn_wacs_rtee(void) { return WACS_RTEE; }
static inline const cchar_t *cn_wacs_ttee(void) { return WACS_TTEE; }
static inline const cchar_t *cn_wacs_btee(void) { return WACS_BTEE; }
static inline const cchar_t *cn_wacs_plus(void) { return WACS_PLUS; }

/* Mouse masks. */
static inline mmask_t cn_button_pressed(int button) {
    switch (button) {
    case 1: return BUTTON1_PRESSED;
    case 2: return BUTTON2_PRESSED;
    case 3: return BUTTON3_PRESSED;
    case 4: return BUTTON4_PRESSED;
    case 5: return BUTTON5_PRESSED;
    default: return 0;
    }
}
static inline mmask_t cn_button_released(int button) {
    switch (button) {
    case 1: return BUTTON1_RELEASED;
    case 2: return BUTTON2_RELEASED;
    case 3: return BUTTON3_RELEASED;
    default: return 0;
    }
}
static inline mmask_t cn_button_shift(void) { return BUTTON_SHIFT; }
static inline mmask_t cn_button_ctrl(void) { return BUTTON_CTRL; }
static inline mmask_t cn_button_alt(void) { return BUTTON_ALT; }

/* Terminal size straight from the tty, for resizes signalled to us. */
static inline int cn_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) {
        return -1;
    }
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/*
 * Signals reach the curses thread through a self-pipe: the handler only
 * writes the signal number to the pipe, which is async-signal-safe. The state
 * lives in function-local statics (Swift does not emit file-scope statics of a
 * header), and all of these functions must be called from one Swift source
 * file so that they share one copy of it.
 */
static inline volatile sig_atomic_t *cn_signal_pipe_fd(void) {
    static volatile sig_atomic_t fd = -1;
    return &fd;
}

static inline struct sigaction *cn_signal_previous(int sig) {
    static struct sigaction previous[NSIG];
    return &previous[sig];
}

static inline void cn_signal_handler(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    int fd = (int)*cn_signal_pipe_fd();
    if (fd >= 0) {
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

static inline int cn_signal_install(int pipe_fd, int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cn_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    *cn_signal_pipe_fd() = pipe_fd;
    return sigaction(sig, &action, cn_signal_previous(sig));
}

static inline int cn_signal_reinstall(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cn_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(sig, &action, NULL);
}

static inline int cn_signal_restore(int sig) {
    return sigaction(sig, cn_signal_previous(sig), NULL);
}

static inline int cn_signal_default(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, NULL);
}

static inline void cn_signal_unblock(int sig) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

#endif
