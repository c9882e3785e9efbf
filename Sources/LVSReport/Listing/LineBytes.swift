import LVSWire

/// One line being written into an `OutputSink`'s buffer, which the sink lends to it for
/// the line (and which it moves to a larger allocation when a field does not fit).
///
/// Every field reserves its largest size once (`reserve(n)`) and then stores at most `n`
/// bytes with plain pointer writes (`put`); debug builds check each write against the
/// reservation. TSV fields show `-` when unset.
///
/// Not copyable: two copies would both own the buffer, and one could free it under the
/// other when growing it.
struct LineBytes: ~Copyable {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    private(set) var capacity: Int
    /// End of the room the last `reserve` made; only debug builds read it.
    private var limit: Int

    init(start: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
        self.start = start
        self.count = count
        self.capacity = capacity
        limit = count
    }

    /// Makes room for `n` more bytes, which `put` may then store.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if capacity - count < n { grow(toFit: n) }
        limit = count + n
    }

    /// Out of line: a line rarely outgrows the sink's buffer.
    @inline(never)
    private mutating func grow(toFit n: Int) {
        let larger = Swift.max(capacity * 2, count + n)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    /// Stores one byte of the room reserved.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        assert(count < limit, "LineBytes: more bytes than reserved")
        start[count] = byte
        count += 1
    }

    /// Reserves `n` bytes and hands them to `writer`, which returns how many it stored.
    @inline(__always)
    mutating func write(upTo n: Int, _ writer: (UnsafeMutableRawBufferPointer) -> Int) {
        reserve(n)
        let written = writer(UnsafeMutableRawBufferPointer(start: start + count, count: n))
        assert(0...n ~= written, "LineBytes: writer stored more bytes than reserved")
        count += written
    }

    /// One byte on its own: a separator.
    mutating func byte(_ value: UInt8) {
        reserve(1) // the byte
        put(value)
    }

    mutating func tab() { byte(9) }

    mutating func newline() { byte(10) }

    /// `-`, the unset field.
    mutating func unset() { byte(UInt8(ascii: "-")) }

    mutating func text(_ value: String?) {
        guard let value else { return unset() }
        append(value)
    }

    /// A string's UTF-8 bytes, copied at once when the string is stored contiguously
    /// (native and small strings are).
    mutating func append(_ value: String) {
        let copied: Void? = value.utf8.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        guard copied == nil else { return }
        reserve(value.utf8.count) // the string's bytes
        for byte in value.utf8 { put(byte) }
    }

    /// Whether the bytes written since `mark` (an earlier `count`) hold a tab or a newline.
    func holdsTabOrNewline(since mark: Int) -> Bool {
        precondition(0...count ~= mark, "LineBytes: mark past the end")
        return UnsafeBufferPointer(start: start + mark, count: count - mark).contains { $0 == 9 || $0 == 10 }
    }

    /// Drops the bytes written since `mark`, to write them again another way.
    mutating func rewind(to mark: Int) {
        precondition(0...count ~= mark, "LineBytes: mark past the end")
        count = mark
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count) // the bytes themselves
        (start + count).initialize(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }
}

extension LineBytes {
    mutating func decimal(_ value: Int) {
        reserve(21) // a sign and the 20 digits of UInt64.max
        if value < 0 { put(UInt8(ascii: "-")) }
        putDigits(UInt64(value.magnitude), count: Self.digitCount(UInt64(value.magnitude)))
    }

    mutating func decimal(_ value: UInt64) {
        reserve(20) // the 20 digits of UInt64.max
        putDigits(value, count: Self.digitCount(value))
    }

    /// `SECONDS.NNNNNNNNN`, as `FlowFields.seconds`.
    mutating func seconds(_ nanoseconds: Int64) {
        reserve(31) // a sign, at most 20 digits of seconds (10 in fact), the point, 9 digits
        if nanoseconds < 0 { put(UInt8(ascii: "-")) }
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        putDigits(whole, count: Self.digitCount(whole))
        put(UInt8(ascii: "."))
        putDigits(magnitude % 1_000_000_000, count: 9)
    }

    /// How many decimal digits `value` has (1 for zero), by comparisons.
    @inline(__always)
    private static func digitCount(_ value: UInt64) -> Int {
        var digits = 1
        var bound: UInt64 = 10
        // Stops at 20 digits, before the bound would pass UInt64.max.
        while digits < 20, value >= bound {
            digits += 1
            bound &*= 10
        }
        return digits
    }

    /// The last `count` decimal digits of `value` (leading zeros when it has fewer), written
    /// from the right straight into reserved room, two at a time from a table of the
    /// pairs 00 to 99: half the divisions of one digit at a time.
    @inline(__always)
    private mutating func putDigits(_ value: UInt64, count digits: Int) {
        assert(count + digits <= limit, "LineBytes: more digits than reserved")
        let pairs = Self.digitPairs.utf8Start
        var rest = value
        var index = count + digits
        while index - count >= 2 {
            let pair = Int(truncatingIfNeeded: rest % 100) * 2
            rest /= 100
            index -= 2
            start[index] = pairs[pair]
            start[index + 1] = pairs[pair + 1]
        }
        if index > count {
            start[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
        }
        count += digits
    }

    /// "00" to "99" back to back (200 bytes): a literal, so reading it needs no lazy
    /// initialisation.
    static var digitPairs: StaticString {
        """
        0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
    }
}

extension LineBytes {
    mutating func address(_ address: IPAddress) {
        guard case let .v4(v4) = address else {
            return append(address.description)
        }
        reserve(15) // 255.255.255.255
        let value = v4.rawValue
        octet(UInt8(truncatingIfNeeded: value >> 24))
        put(UInt8(ascii: "."))
        octet(UInt8(truncatingIfNeeded: value >> 16))
        put(UInt8(ascii: "."))
        octet(UInt8(truncatingIfNeeded: value >> 8))
        put(UInt8(ascii: "."))
        octet(UInt8(truncatingIfNeeded: value))
    }

    /// One to three digits, without the general number path.
    @inline(__always)
    private mutating func octet(_ value: UInt8) {
        let zero = UInt8(ascii: "0")
        if value >= 100 { put(zero + value / 100) }
        if value >= 10 { put(zero + value / 10 % 10) }
        put(zero + value % 10)
    }

    mutating func mac(_ mac: MACAddress?) {
        guard let mac else { return unset() }
        reserve(17) // 00:00:00:00:00:00
        var shift: UInt64 = 40
        while true {
            let byte = UInt8(truncatingIfNeeded: mac.rawValue >> shift)
            put(Self.hexDigit(byte >> 4))
            put(Self.hexDigit(byte & 15))
            if shift == 0 { break }
            put(UInt8(ascii: ":"))
            shift -= 8
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        hexDigits.utf8Start[Int(nibble & 15)]
    }

    /// A literal, so reading it needs no lazy initialisation.
    private static var hexDigits: StaticString { "0123456789abcdef" }
}
