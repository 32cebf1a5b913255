#ifndef VANBAN_CZLIB_SHIM_H
#define VANBAN_CZLIB_SHIM_H

/* The only place in VanBan that includes zlib's header. */
#include <zlib.h>

/* deflateInit2 is a macro (it passes the library version and the stream size);
   Swift cannot call macros, so this wrapper does. Raw deflate (negative window
   bits), as ZIP stores it: no zlib header, no checksum. */
static inline int vanban_deflateInitRaw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

/* inflateInit2 for raw deflate data, for reading archives back. */
static inline int vanban_inflateInitRaw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
