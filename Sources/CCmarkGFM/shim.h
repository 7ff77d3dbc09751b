// Debian's libcmark-gfm headers, plus inline helpers for what Swift cannot see (macros).
#ifndef STUDYDASH_CCMARKGFM_SHIM_H
#define STUDYDASH_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// CMARK_OPT_* are macros; Swift imports simple ones, but keep the set we use in one place.
static inline int studydash_cmark_options(void) {
    return CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES;
}
#endif
