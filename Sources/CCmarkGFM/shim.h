// Debian's libcmark-gfm headers, plus inline helpers for what Swift cannot see (macros).
#ifndef STUDYDASH_CCMARKGFM_SHIM_H
#define STUDYDASH_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// CMARK_OPT_* are macros; Swift imports simple ones, but keep the set we use in one place.
// No CMARK_OPT_VALIDATE_UTF8: cmark is only fed a Swift String's bytes, always valid UTF-8, on
// which that check copies every line unchanged (checked for every scalar value on Debian's
// 0.29.0.gfm.6); NUL bytes are replaced when fed, with or without it.
static inline int studydash_cmark_options(void) {
    return CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
}
#endif
