#ifndef VANBAN_CLIBXML2_SHIM_H
#define VANBAN_CLIBXML2_SHIM_H

/* The only place in VanBan that includes libxml2's headers.
   Debian builds libxml2 with ICU, and its encoding.h then includes the system
   ICU headers, which clash with the ICU copy inside Swift's Foundation. VanBan
   never touches the ICU members of libxml2's structs, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/relaxng.h>
#include <libxml/HTMLtree.h>
#include <libxml/HTMLparser.h>

/* libxml2 exposes xmlFree and friends as global function pointers, which
   Swift 6 strict concurrency refuses to touch. These wrappers are plain
   functions that Swift can call safely. */
static inline void vanban_xmlFree(void *ptr) { xmlFree(ptr); }

static inline void vanban_xmlFreeString(xmlChar *s) { xmlFree(s); }

/* Silence libxml2's default printing of errors to stderr; VanBan reads the
   structured error with xmlGetLastError / xmlCtxtGetLastError instead.
   libxml2 keeps its error handlers per thread (a thread's copy is made from the
   "thread default" when that thread first uses libxml2), so the silent handlers are
   set both as the default for new threads and on the calling thread. */
static void vanban_silentStructuredError(void *userData, xmlErrorPtr error) {
    (void)userData; (void)error;
}
static void vanban_silentGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}
/* Once per process: the handlers every thread created from now on starts with. */
static inline void vanban_silenceErrorsOnNewThreads(void) {
    xmlThrDefSetStructuredErrorFunc(NULL, vanban_silentStructuredError);
    xmlThrDefSetGenericErrorFunc(NULL, vanban_silentGenericError);
}
/* On the calling thread (cheap: two thread-local stores). */
static inline void vanban_silenceErrors(void) {
    xmlSetStructuredErrorFunc(NULL, vanban_silentStructuredError);
    xmlSetGenericErrorFunc(NULL, vanban_silentGenericError);
}

/* Options for untrusted templates: no network, no entity substitution,
   no DTD loading, keep line numbers beyond 65535. */
static inline int vanban_safeParseOptions(void) {
    return XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
}

/* Structured errors forwarded to a plain C callback that Swift can provide as a
   @convention(c) closure. libxml2 2.12 changed the handler's parameter to
   `const xmlError *`; the version test keeps both builds warning-free. */
typedef void (*vanban_error_sink)(void *context, const char *message, int line, int level);
typedef struct vanban_error_collector {
    vanban_error_sink sink;
    void *context;
} vanban_error_collector;

#if LIBXML_VERSION >= 21200
static inline void vanban_forwardError(void *userData, const xmlError *error) {
#else
static inline void vanban_forwardError(void *userData, xmlErrorPtr error) {
#endif
    vanban_error_collector *c = (vanban_error_collector *)userData;
    if (c == NULL || c->sink == NULL || error == NULL) return;
    c->sink(c->context, error->message != NULL ? error->message : "", error->line, (int)error->level);
}

/* Route the errors of a RelaxNG schema parse to a collector. */
static inline void vanban_relaxngParserErrors(xmlRelaxNGParserCtxtPtr ctxt, vanban_error_collector *c) {
    xmlRelaxNGSetParserStructuredErrors(ctxt, vanban_forwardError, c);
}

/* Route the errors of a RelaxNG validation to a collector. */
static inline void vanban_relaxngValidErrors(xmlRelaxNGValidCtxtPtr ctxt, vanban_error_collector *c) {
    xmlRelaxNGSetValidStructuredErrors(ctxt, vanban_forwardError, c);
}

#endif
