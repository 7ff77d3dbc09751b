import Foundation
import Testing
@testable import studydash

/// The dashboard reads the whole environment itself (Environment.all) rather than through
/// ProcessInfo; what it hands on must be what ProcessInfo would have given.
@Suite(.serialized) struct EnvironmentTests {
    @Test func theWholeEnvironmentReadsAsProcessInfoReadsIt() {
        setenv("STUDYDASH_TEST_EQUALS", "a=b==c", 1)
        setenv("STUDYDASH_TEST_EMPTY", "", 1)
        setenv("STUDYDASH_TEST_WIDE", "café ✓ 学习", 1)
        defer {
            for name in ["STUDYDASH_TEST_EQUALS", "STUDYDASH_TEST_EMPTY", "STUDYDASH_TEST_WIDE"] { unsetenv(name) }
        }
        let read = Environment.all()
        #expect(read["STUDYDASH_TEST_EQUALS"] == "a=b==c")
        #expect(read["STUDYDASH_TEST_EMPTY"] == "")
        #expect(read["STUDYDASH_TEST_WIDE"] == "café ✓ 学习")
        #expect(read == ProcessInfo.processInfo.environment)
    }
}
