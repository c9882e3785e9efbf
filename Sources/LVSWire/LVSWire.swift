// LVSWire: the packet vocabulary shared by the analyzer and the forwarding core.
//
// Two families of types, after smoltcp's `wire` module:
//
// * `XView` borrows bytes (an `UnsafeRawBufferPointer`) for the duration of a callback
//   and never copies them. A view is built only by `init(checking:)`, which verifies
//   every invariant its accessors rely on; afterwards no accessor can read outside
//   the bytes it was given. A view must not escape the closure that lent the bytes.
// * `XHeader` is an owned value that parses from a view (`init(parsing:)`) and writes
//   itself into a buffer (`emit(into:)`, exactly `byteCount` bytes). The forwarding
//   core and the test builders emit headers; the analyzer reads views.
//
// `emit(into:)` requires a buffer of at least `byteCount` bytes (a precondition: a
// short buffer is a programming error, not bad input). Checksums are emitted as stored
// unless asked; `InternetChecksum.fill*` computes them over an emitted packet, and
// `ChecksumStatus` verifies them over captured bytes.
//
// Snaplen truncation is not malformation: a view checks what its accessors need (the
// header), and exposes how much of the declared payload was actually captured. The
// decoder, which knows the captured and original lengths, decides whether a short
// buffer is a capture artifact or a broken packet.
//
// No Foundation, no existentials, no allocation on per-packet paths. All numbers on the
// wire are big endian and read through `ByteReading.swift`.
