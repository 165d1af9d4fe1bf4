import HelmValues

/// `--set`-family arguments beyond Helm's own test tables, with what Helm v4.1.4 does with
/// them (each observed with the real binary; `HelmParityTests` re-checks them all).
enum SetScenarios {
    /// Initial values for the cases that need some, as a values file: numbers are floats, as
    /// Helm reads files.
    static let fileValues = "{p: str, q: [1, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"

    static let typed: [SetCase] = [
        SetCase("a[0", "{}"),
        SetCase("=1", "{}"),
        SetCase("[0]=1", "{}"),
        SetCase(".a=1", "{}"),
        SetCase("a.", "{}"),
        SetCase("r.=", "{}"),
        SetCase("a[2]", "{a: []}"),
        SetCase("a[0][1", "{a: []}"),
        SetCase("foo[0].x=", "{foo: []}"),
        SetCase("foo.x=", "{foo: {x: ''}}"),
        SetCase("a={}", "{a: ['']}"),
        SetCase("a={1,,2}", "{a: [1, '', 2]}"),
        SetCase("a={1,2}x", error: #"--set:1:8: key "x" has no value"#),
        SetCase("a={1,2},b=3", "{a: [1, 2], b: 3}"),
        SetCase("a[x]=1", error: #"--set:1:3: error parsing index: strconv.Atoi: parsing "x": invalid syntax"#),
        SetCase("a[99999999999999999999]=1",
                error: #"--set:1:3: error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range"#),
        SetCase("a[65537]=1", error: "--set:1:3: index of 65537 is greater than maximum supported index of 65536"),
        SetCase("a[65536]=x,a[0]=y", nil),
        SetCase("a[+1]=1", "{a: [null, 1]}"),
        SetCase("a[007]=1", "{a: [null, null, null, null, null, null, null, 1]}"),
        SetCase("a[0]x=1", error: "--set:1:5: unexpected data at end of array index: ['x']"),
        SetCase("a[-1]", error: "--set:1:3: negative -1 index not allowed"),
        SetCase("a.=1", error: #"--set:1:1: key map "a" has no value"#),
        SetCase(#"a\.b=1"#, #"{a.b: 1}"#),
        SetCase(#"a=\"#, "{a: ''}"),
        SetCase(#"a=x\"#, "{a: x}"),
        SetCase(#"a\[0]=1"#, "{'a[0]': 1}"),
        SetCase("é.ü=x,\"q\"=1", #"{é: {ü: x}, '"q"': 1}"#),
        SetCase("\tk", #"--set:1:1: key "\tk" has no value"#, isError: true),
        SetCase("k\u{1}\u{a0}é\u{2028}", #"--set:1:1: key "k\x01\u00a0é\u2028" has no value"#, isError: true),
        SetCase(",,", #"--set:1:1: key "" has no value (cannot end with ,)"#, isError: true),
        SetCase("name", #"--set:1:1: key "name" has no value"#, isError: true),
        SetCase("a=1,,b=2", #"--set:1:5: key "" has no value (cannot end with ,)"#, isError: true),
        SetCase("x=TRUE,y=Null,z=-5,w=+5,v=007,u=9223372036854775808,t=0,s=-0,r=1.5,q=-9223372036854775808",
                "{x: true, 'y': null, z: -5, w: 5, v: '007', u: '9223372036854775808', t: 0, s: 0, r: '1.5', q: -9223372036854775808}"),
        SetCase("a=falſe,b=fAlSe,c=nulL,d= true,e=0x10,f=1e3,g=-,h=+", "{a: false, b: false, c: null, d: ' true', e: '0x10', f: '1e3', g: '-', h: '+'}"),
        SetCase("a=1,a=x", "{a: x}"),
        SetCase("a.b=1,a.c=2,a.b=3", "{a: {b: 3, c: 2}}"),
        SetCase("a[1]=1,a[0].b=2,a[1].c=3", "{a: [{b: 2}, {c: 3}]}"),
        SetCase("a[0][0]=1,a[0][2]=2", "{a: [[1, null, 2]]}"),
        SetCase("a=1,a.b=2", error: "--set:1:5: unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}"),
        SetCase("a=x,a[0]=2", error: "--set:1:5: unable to parse key: interface conversion: interface {} is string, not []interface {}"),
        SetCase("a[0]=x,a[0][0]=2", error: "--set:1:10: unable to parse key: interface conversion: interface {} is string, not []interface {}"),
        SetCase("a=null,a.b=1", error: "--set:1:8: unable to parse key: interface conversion: interface {} is nil, not map[string]interface {}"),
        SetCase("a={x},a.b=1", error: "--set:1:7: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}"),
        SetCase("a.b=1,a[0]=1", error: "--set:1:7: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}"),
    ]

    /// Cases applied on top of `fileValues`.
    static let overFile: [SetCase] = [
        SetCase("p.x=1", error: "--set:1:1: unable to parse key: interface conversion: interface {} is string, not map[string]interface {}"),
        SetCase("q.x=1", error: "--set:1:1: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}"),
        SetCase("r[0]=1", error: "--set:1:1: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}"),
        SetCase("nl.x=1", error: "--set:1:1: unable to parse key: interface conversion: interface {} is nil, not map[string]interface {}"),
        SetCase("nl[0]=1", error: "--set:1:1: unable to parse key: interface conversion: interface {} is nil, not []interface {}"),
        SetCase("num[0]=1", error: "--set:1:1: unable to parse key: interface conversion: interface {} is float64, not []interface {}"),
        SetCase("q[0][0]=2", error: "--set:1:3: unable to parse key: interface conversion: interface {} is float64, not []interface {}"),
        SetCase("q[1][0]=2", error: "--set:1:3: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}"),
        SetCase("p[", "{p: str, q: [1, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[1].b=2", "{p: str, q: [1, {a: 1, b: 2}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[0].b=2", "{p: str, q: [{b: 2}, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[0].", "{p: str, q: [{}, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[0].z=", "{p: str, q: [{z: ''}, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[1].z=", "{p: str, q: [1, {a: 1, z: ''}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[5].z=", "{p: str, q: [1, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("q[1]=", "{p: str, q: [1, ''], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("r.=", "{p: str, q: [1, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1}}"),
        SetCase("r.k=", "{p: str, q: [1, {a: 1}], r: {k: ''}, nl: null, num: 3, '': {x: 1}}"),
        SetCase(".y=2", "{p: str, q: [1, {a: 1}], r: {k: 1}, nl: null, num: 3, '': {x: 1, 'y': 2}}"),
        SetCase("nl=1,num=x", "{p: str, q: [1, {a: 1}], r: {k: 1}, nl: 1, num: x, '': {x: 1}}"),
    ]

    static let json: [SetCase] = [
        SetCase(#"a={"x":1} , b=[1,2.5e3],c="s",d=,e=null"#, #"{a: {x: 1}, ' b': [1, 2500], c: s, d: null, e: null}"#),
        SetCase("a= ,b=1", "{a: null, b: 1}"),
        SetCase(#"a[2]={"q":1}"#, "{a: [null, null, {q: 1}]}"),
        SetCase("[1]", "{}"),
        SetCase("a=-0,b=1.5e-3,c=1E2,d=\"\\u00e9\\ud83d\\ude00\\ud800x\\n\"", "{a: -0.0, b: 0.0015, c: 100, d: \"é😀\u{FFFD}x\\n\"}"),
        SetCase(#"{"a":{"b":1},"c":[1,2]}"#, "{a: {b: 1}, c: [1, 2]}"),
        SetCase(#" {"a":null} "#, "{a: null}"),
        SetCase("a=1x", error: #"--set-json:1:4: key "x" has no value"#),
        SetCase("a=truex", error: #"--set-json:1:7: key "x" has no value"#),
        SetCase("a=01", error: #"--set-json:1:4: key "1" has no value"#),
        SetCase("a=1e999", error: "--set-json:1:3: cannot unmarshal number 1e999 into Go value of type float64"),
        SetCase("a=tru", error: "--set-json:1:6: unexpected end of JSON input"),
        SetCase("a=x", error: "--set-json:1:3: invalid character 'x' looking for beginning of value"),
        SetCase(#"a={"x":1,}"#, error: "--set-json:1:10: invalid character '}' looking for beginning of object key string"),
        SetCase("a", error: #"--set-json:1:1: key "a" has no value"#),
        SetCase("a=1,,b=2", error: #"--set-json:1:5: key "" has no value (cannot end with ,)"#),
        SetCase(#" {"a":1} x"#, error: "--set-json:1:10: invalid JSON object: invalid character 'x' after top-level value"),
        SetCase(#"{"a":1"#, error: "--set-json:1:7: invalid JSON object: unexpected end of JSON input"),
    ]
}

extension SetCase {
    /// A case that is an error when `isError`, else one with the given result.
    init(_ argument: String, _ text: String, isError: Bool, file: StaticString = #filePath, line: UInt = #line) {
        if isError {
            self.init(argument, error: text, file: file, line: line)
        } else {
            self.init(argument, text, file: file, line: line)
        }
    }

    /// A case whose result is not spelled out (it is large); `HelmParityTests` checks it.
    init(_ argument: String, _ nothing: Never?, file: StaticString = #filePath, line: UInt = #line) {
        self.init(argument, "", file: file, line: line)
        self.expect = nil
    }
}
