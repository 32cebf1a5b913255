import CLibXML2

/// The one place VanBan sets libxml2 up. Every entry point of this module that calls
/// libxml2 (``XMLLoader``, ``XMLSerializer``, ``RelaxNGValidator``) calls
/// ``prepare()`` first, on whatever thread it runs.
///
/// The policy: `xmlInitParser()` runs once per process, as libxml2 asks of threaded
/// programs; libxml2 never prints to standard error, on any thread. libxml2 2.9 keeps
/// its error handlers per thread, so the silent handlers are installed both as the
/// default for threads that first touch libxml2 later and on the calling thread. VanBan
/// reads errors from the parser context (`lastError`) or through its own collectors.
enum LibXML2 {
    /// Initialised lazily and exactly once (a global constant).
    private static let initialised: Bool = {
        xmlInitParser()
        vanban_silenceErrorsOnNewThreads()
        return true
    }()

    /// Initialises libxml2 once per process and silences its error output on the calling
    /// thread. Cheap enough to call before every parse.
    static func prepare() {
        _ = initialised
        vanban_silenceErrors()
    }
}
