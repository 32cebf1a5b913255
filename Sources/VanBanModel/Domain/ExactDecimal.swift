/// A decimal number held exactly, as its digits: `18446744073709551621` stays
/// `18446744073709551621`, `1e30` is a 1 followed by 30 zeros, `0.1` is exactly one
/// tenth. Nothing goes through `Int`, `Double` or `Decimal`, so no value wraps or rounds.
///
/// The digits are bounded: at most ``maxDigits`` before the decimal point and as many
/// after it, so that a literal like `1e999999999` is refused instead of filling the
/// memory. That is far beyond any amount or count a document holds.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The most digits kept on either side of the decimal point.
    public static let maxDigits = 1000

    /// Whether the number is below zero (never true for zero).
    public let isNegative: Bool
    /// The digits (0…9) before the point, most significant first, without leading
    /// zeros: empty for a number below one.
    public let integerDigits: [UInt8]
    /// The digits (0…9) after the point, without trailing zeros: empty for a whole number.
    public let fractionDigits: [UInt8]

    /// Why a text is not an exact decimal.
    public enum Failure: Error, Sendable, Hashable {
        /// The text is not a number.
        case notANumber
        /// The number has more than ``ExactDecimal/maxDigits`` digits before or after the point.
        case tooManyDigits
    }

    /// Creates the number with the given digits; leading zeros of `integerDigits` and
    /// trailing zeros of `fractionDigits` are removed, and zero is never negative.
    public init(negative: Bool, integerDigits: [UInt8], fractionDigits: [UInt8] = []) {
        var i = integerDigits[...], f = fractionDigits[...]
        while i.first == 0 { i.removeFirst() }
        while f.last == 0 { f.removeLast() }
        self.integerDigits = Array(i)
        self.fractionDigits = Array(f)
        self.isNegative = negative && !(i.isEmpty && f.isEmpty)
    }

    /// The number of an `Int`.
    public init(_ n: Int) {
        self.init(negative: n < 0, integerDigits: String(n.magnitude).utf8.map { $0 - 0x30 })
    }

    /// Reads a number written as text: an optional sign (`-` or `+`), digits, an optional
    /// fraction (`.5`), an optional exponent (`e30`, `E-2`), with spaces around it
    /// ignored. Every JSON number literal is accepted; so are leading zeros (`"05"`).
    public static func parse(_ text: String) -> Result<ExactDecimal, Failure> {
        var b = Array(text.utf8)[...]
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        while let c = b.first, isSpace(c) { b.removeFirst() }
        while let c = b.last, isSpace(c) { b.removeLast() }
        var negative = false
        if let c = b.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { negative = c == UInt8(ascii: "-"); b.removeFirst() }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        let intPart = b.prefix(while: isDigit)
        b.removeFirst(intPart.count)
        var fracPart: ArraySlice<UInt8> = []
        if b.first == UInt8(ascii: ".") {
            b.removeFirst()
            fracPart = b.prefix(while: isDigit)
            guard !fracPart.isEmpty else { return .failure(.notANumber) }
            b.removeFirst(fracPart.count)
        }
        guard !intPart.isEmpty else { return .failure(.notANumber) }
        var exponent = 0
        if let c = b.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            b.removeFirst()
            var expNegative = false
            if let s = b.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { expNegative = s == UInt8(ascii: "-"); b.removeFirst() }
            let expDigits = b.prefix(while: isDigit)
            guard !expDigits.isEmpty else { return .failure(.notANumber) }
            b.removeFirst(expDigits.count)
            // Saturates: any exponent beyond a billion is refused below anyway.
            for d in expDigits where exponent < 1_000_000_000_000 { exponent = exponent * 10 + Int(d - 0x30) }
            if expNegative { exponent = -exponent }
        }
        guard b.isEmpty else { return .failure(.notANumber) }

        let all = Array(intPart.map { $0 - 0x30 }) + fracPart.map { $0 - 0x30 }
        guard let first = all.firstIndex(where: { $0 != 0 }), let last = all.lastIndex(where: { $0 != 0 }) else {
            return .success(ExactDecimal(negative: false, integerDigits: []))
        }
        // The decimal point sits before all[point] (point may lie outside the digits).
        let point = intPart.count + exponent
        let integerCount = point - first, fractionCount = last + 1 - point
        guard integerCount <= maxDigits, fractionCount <= maxDigits else { return .failure(.tooManyDigits) }
        var integer: [UInt8] = [], fraction: [UInt8] = []
        if integerCount > 0 {
            integer.reserveCapacity(integerCount)
            for k in first..<point { integer.append(k < all.count ? all[k] : 0) }
        }
        if fractionCount > 0 {
            fraction.reserveCapacity(fractionCount)
            for k in point...last { fraction.append(k >= 0 ? all[k] : 0) }
        }
        return .success(ExactDecimal(negative: negative, integerDigits: integer, fractionDigits: fraction))
    }

    /// Whether the number is zero.
    public var isZero: Bool { integerDigits.isEmpty && fractionDigits.isEmpty }

    /// Whether the number has no fraction.
    public var isWhole: Bool { fractionDigits.isEmpty }

    /// The number as an `Int`, when it is whole and fits in 64 bits; nil otherwise.
    public var intValue: Int? {
        guard isWhole, integerDigits.count <= 19 else { return nil }
        var m: UInt64 = 0
        for d in integerDigits { m = m * 10 + UInt64(d) }
        if isNegative { return m <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- m) : nil }
        return m <= UInt64(Int.max) ? Int(m) : nil
    }

    /// The digits before the point as text ("0" for a number below one).
    public var integerText: String {
        integerDigits.isEmpty ? "0" : String(decoding: integerDigits.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// The number in plain decimal notation, without exponent, leading or trailing
    /// zeros: `-1234.5`, `1000000000000000000000000000000`, `0.001`.
    public var description: String {
        var s = isNegative ? "-" : ""
        s += integerText
        if !fractionDigits.isEmpty { s += "." + String(decoding: fractionDigits.map { $0 + 0x30 }, as: UTF8.self) }
        return s
    }
}
