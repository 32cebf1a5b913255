/// Escaping straight into the output buffer: the path the writer takes. It gives exactly
/// the bytes of ``HTMLEscape/escape(_:)`` (a test compares them on every string of every
/// JSON fixture), without building a `String` for each piece of text.
extension HTMLEscape {
    /// Appends `s`, escaped as ``escape(_:)`` escapes it, to `out`.
    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escape($0, into: &out) }
    }

    /// Whether a byte of UTF-8 needs a look: ASCII to escape or drop, or the lead byte of
    /// a scalar that may be dropped (U+0080–U+009F, U+F000 and above). Every other byte,
    /// the great majority of any text, is copied with its run.
    @inline(__always)
    static func needsLook(_ b: UInt8) -> Bool {
        switch b {
        case 0x00...0x1F, 0x22, 0x26, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF...0xFF: true
        default: false
        }
    }

    /// ``needsLook(_:)`` of every byte value, 1 or 0: one load per byte in the scan.
    static let lookTable: [UInt8] = (0...255).map { needsLook(UInt8($0)) ? 1 : 0 }

    /// Appends the valid UTF-8 `bytes`, escaped as ``escape(_:)`` escapes them, to `out`.
    /// Runs of bytes that need nothing are copied whole.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        lookTable.withUnsafeBufferPointer { table in
            escape(bytes, table: table, into: &out)
        }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = bytes.count
        var i = 0
        var run = 0
        while i < n {
            let b = bytes[i]
            if table[Int(b)] == 0 {
                i += 1
                continue
            }
            if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
            if b < 0x80 {
                switch b {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B] as [UInt8])          // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B] as [UInt8])                // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B] as [UInt8])                // &gt;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B] as [UInt8])    // &quot;
                case 0x09, 0x0A: out.append(b)
                default: break // the other C0 controls and DEL are dropped
                }
                i += 1
            } else {
                // A lead byte of valid UTF-8: decode just enough to check the scalar.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(v), isAllowed(scalar) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            }
            run = i
        }
        if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<n])) }
    }
}
