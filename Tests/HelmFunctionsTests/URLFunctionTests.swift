import HelmFunctions
import TemplateEngine
import XCTest
import YAML

/// `urlParse` and `urlJoin` (Go's `net/url`), table-driven; expectations are Helm v4.1.4's.
final class URLFunctionTests: XCTestCase {
    func parts(_ scheme: String, _ host: String, _ hostname: String, _ path: String, _ query: String, _ opaque: String,
               _ fragment: String, _ userinfo: String) -> String {
        "map:map[fragment:\(fragment) host:\(host) hostname:\(hostname) opaque:\(opaque) path:\(path) query:\(query) scheme:\(scheme) userinfo:\(userinfo)]"
    }

    func testParse() {
        assertFunctionCases([
            ("urlParse", [.string("https://user:p%40ss@Example.COM:8443/a%20b/c?q=1&r=%20#frag%21x")],
             .ok(parts("https", "Example.COM:8443", "Example.COM", "/a b/c", "q=1&r=%20", "", "frag!x", "user:p%40ss"))),
            ("urlParse", [.string("HTTP://host")], .ok(parts("http", "host", "host", "", "", "", "", ""))),
            ("urlParse", [.string("mailto:joe@example.com")], .ok(parts("mailto", "", "", "", "", "joe@example.com", "", ""))),
            ("urlParse", [.string("http://[::1]:80/x")], .ok(parts("http", "[::1]:80", "::1", "/x", "", "", "", ""))),
            ("urlParse", [.string(":foo")], .call("unable to parse url: parse \":foo\": missing protocol scheme")),
            ("urlParse", [.string("1a:b/c")],
             .call("unable to parse url: parse \"1a:b/c\": first path segment in URL cannot contain colon")),
            ("urlParse", [.string("http://h:port")], .call("unable to parse url: parse \"http://h:port\": invalid port \":port\" after host")),
            ("urlParse", [.string("http://h/%zz")], .call("unable to parse url: parse \"http://h/%zz\": invalid URL escape \"%zz\"")),
            ("urlParse", [.string("http://ex ample.com")], .call("unable to parse url: parse \"http://ex ample.com\": invalid character \" \" in host name")),
        ])
    }

    func testJoin() {
        assertFunctionCases([
            ("urlJoin", [.map(["scheme": .string("https"), "host": .string("h.io"), "path": .string("/a b?c"), "query": .string("x=1"), "fragment": .string("f g!")])],
             .ok("string:https://h.io/a%20b%3Fc?x=1#f%20g!")),
            ("urlJoin", [.map(["path": .string("a:b/c")])], .ok("string:./a:b/c")),
            ("urlJoin", [.map(["host": .string("h"), "path": .string("rel")])], .ok("string://h/rel")),
            ("urlJoin", [.map(["scheme": .string("https"), "host": .string("h"), "userinfo": .string("a%20b:c%40d")])], .ok("string:https://a%20b:c%40d@h")),
            ("urlJoin", [.map([:])], .ok("string:")),
            ("urlJoin", [.map(["host": .int(1)])], .call("unable to parse host key, must be of type string, but int found")),
            ("urlJoin", [.map(["scheme": .string("https"), "userinfo": .string("a b:c@d")])],
             .call("unable to parse userinfo in dict: parse \"proto://a b:c@d@host\": net/url: invalid userinfo")),
        ])
    }
}
