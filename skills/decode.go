package skills

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// decodeTOML decodes src into v, a pointer to a struct with toml tags, and
// reports what the decoder finds: a syntax error (with the parser's line and
// column), a value of the wrong type, keys the struct does not know, and keys
// written in the wrong case (the decoder matches field names without regard
// to case, so `Name` would silently fill `name`). ok is false when v could not
// be filled and no further checks make sense.
//
// Known keys come from v's struct tags, not from a list kept by hand. A file
// over limit, or over the depth and key limits of every TOML file, is not
// decoded (see checkTOML).
func decodeTOML(path string, src []byte, v any, limit sizeLimit) (ix *sourceIndex, problems Problems, ok bool) {
	if ps := checkTOML(path, src, limit); len(ps) > 0 {
		return nil, ps, false
	}
	md, err := toml.Decode(string(src), v)
	if err != nil {
		return nil, Problems{decodeProblem(path, src, err)}, false
	}
	ix = lazyIndex(string(src))
	undecoded := md.Undecoded()
	problems = append(problems, unknownKeys(path, ix, undecoded, reflect.TypeOf(v))...)
	problems = append(problems, miscasedKeys(path, ix, md, undecoded, reflect.TypeOf(v))...)
	problems = append(problems, controlProblems(path, src, ix, v)...)
	return ix, problems, true
}

// decodeProblem turns a decoder error into a Problem with the best position
// the error allows.
func decodeProblem(path string, src []byte, err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := parseErrorPosition(src, pe)
		if p, ok := duplicateProblem(path, src, pe, line, col); ok {
			return p // names keys only, never values: safe in [private] too
		}
		if inPrivate(src, line) && !keyWithoutValue(src, line) {
			// The parser quotes the text it stopped at, and in [private]
			// that text is a private note.
			return Problem{Path: path, Line: line, Col: col, Severity: Error,
				Message: "invalid TOML in [private] (the text is not shown: private notes never appear in messages)",
				Hint:    `put each note in double quotes ("like this"), or in triple quotes for several lines`}
		}
		return Problem{Path: path, Line: line, Col: col, Severity: Error,
			Message: "invalid TOML: " + strings.TrimSuffix(pe.Message, "."), Hint: syntaxHint(pe)}
	}
	return typeProblem(path, src, err)
}

// The parser's wording for a key written twice: Key 'levels.negotiation'
// has already been defined.
var duplicateErr = regexp.MustCompile(`^Key '(.+)' (?:has already been defined|was already created as a hash|was already created and cannot be used as an array)\.?$`)

// duplicateProblem turns the parser's error about a key written twice into
// one that names the key, its table and the line it was first written on.
func duplicateProblem(path string, src []byte, pe toml.ParseError, line, col int) (Problem, bool) {
	m := duplicateErr.FindStringSubmatch(pe.Message)
	if m == nil {
		return Problem{}, false
	}
	// Where it was first written: the last occurrence of its path before
	// this line (in the same table, or the same element of an array of
	// tables), in the text before this line, which the parser accepted.
	cut := 0
	for i := 1; i < line && cut < len(src); i++ {
		j := bytes.IndexByte(src[cut:], '\n')
		if j < 0 {
			cut = len(src)
			break
		}
		cut += j + 1
	}
	before := indexSource(string(src[:cut]))
	first := 0
	for _, pos := range before.occurrences()[m[1]] {
		first = pos.Line
	}
	key := splitKey(m[1])
	name, table := key[len(key)-1], strings.Join(key[:len(key)-1], ".")
	where := "at the top level"
	if _, array := before.keys[table+"[0]"]; array {
		where = "in one [[" + table + "]]"
	} else if table != "" {
		where = "in [" + table + "]"
	}
	text := lineAt(src, line)
	header := bytes.HasPrefix(bytes.TrimLeft(text, " \t"), []byte("["))
	firstHeader := first > 0 && bytes.HasPrefix(bytes.TrimLeft(lineAt(src, first), " \t"), []byte("["))
	if trimmed := bytes.TrimLeft(text, " \t"); len(trimmed) > 0 {
		col = len(text) - len(trimmed) + 1 // where the key or header starts
	}
	p := Problem{Path: path, Line: line, Col: col, Severity: Error}
	switch {
	case header && firstHeader:
		p.Message = fmt.Sprintf("table [%s] is written twice (first on line %d)", m[1], first)
		p.Hint = fmt.Sprintf("move its keys into the first [%s] and delete this header", m[1])
	case header && first > 0:
		written := "[" + m[1] + "]"
		if bytes.HasPrefix(bytes.TrimLeft(text, " \t"), []byte("[[")) {
			written = "[" + written + "]"
		}
		p.Message = fmt.Sprintf("%s cannot be a table: %q is already a value %s, on line %d", written, name, where, first)
		p.Hint = "rename one of them"
	default:
		p.Message = fmt.Sprintf("key %q is written twice %s", name, where)
		if first > 0 {
			p.Message += fmt.Sprintf(" (first on line %d)", first)
		}
		p.Hint = "a key may appear once in a table: keep one of them, or merge them into one value"
	}
	return p, true
}

// splitKey splits a dotted key as the parser prints it, where a part
// holding a dot or a space is quoted: a."b.c" is a, b.c.
func splitKey(k string) []string {
	var parts []string
	for k != "" {
		if k[0] == '"' {
			end := 1
			for end < len(k) && k[end] != '"' {
				if k[end] == '\\' {
					end++
				}
				end++
			}
			part, err := strconv.Unquote(k[:min(end+1, len(k))])
			if err != nil {
				part = k[:min(end+1, len(k))]
			}
			parts = append(parts, part)
			k = strings.TrimPrefix(k[min(end+1, len(k)):], ".")
			continue
		}
		part, rest, _ := strings.Cut(k, ".")
		parts = append(parts, part)
		k = rest
	}
	if len(parts) == 0 {
		parts = []string{""}
	}
	return parts
}

// lineAt is the text of the 1-based line of src, without its line break.
func lineAt(src []byte, line int) []byte {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return src
}

// A line that is a key and = with nothing after it but a comment.
var emptyValue = regexp.MustCompile(`^\s*[A-Za-z0-9_.\-" ]+=\s*(?:#.*)?$`)

// keyWithoutValue reports whether line of src is a key with no value, outside
// any multi-line string: then the parser's message quotes no note, only the
// end of the line, and may be shown in [private] too.
func keyWithoutValue(src []byte, line int) bool {
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		return false
	}
	inString := ""
	for i := 0; i < line-1; i++ {
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(lines[i], q)%2 == 1 && (inString == "" || inString == q) {
				if inString == "" {
					inString = q
				} else {
					inString = ""
				}
			}
		}
	}
	return inString == "" && emptyValue.MatchString(strings.TrimSuffix(lines[line-1], "\r"))
}

// inPrivate reports whether line of src may be part of the [private] table:
// under a [private] or [private.*] header, or in a private = ... or
// private.key = ... entry at the top level. It errs on the side of private:
// it runs on text that did not parse.
func inPrivate(src []byte, line int) bool {
	lines := strings.Split(string(src), "\n")
	private, inString := false, ""
	for i := 0; i < line && i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if inString == "" {
			switch {
			case strings.HasPrefix(l, "["):
				private = isPrivateKey(strings.TrimLeft(l, "[ \t"))
			case isPrivateKey(l):
				private = true // a dotted key or an inline table at the top level
			}
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(l, q)%2 == 1 && (inString == "" || inString == q) {
				if inString == "" {
					inString = q
				} else {
					inString = ""
				}
			}
		}
	}
	return private
}

// isPrivateKey reports whether a key (the start of a line or header)
// starts with private, bare or quoted.
func isPrivateKey(s string) bool {
	s = strings.TrimLeft(s, `"'`)
	rest, ok := strings.CutPrefix(s, "private")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, `"' \t`)
	return rest == "" || rest[0] == '.' || rest[0] == '=' || rest[0] == ']'
}

// parseErrorPosition returns a ParseError's line and column, guarding two
// faults of BurntSushi/toml v1.6.0: ErrorWithPosition panics when the line is
// 0 (so it is never called here), and the column is computed against the
// previous line when the error is at column 1. The line comes from the lexer
// and is right; the column is recomputed from the byte offset.
func parseErrorPosition(src []byte, pe toml.ParseError) (line, col int) {
	line = pe.Position.Line
	lines := strings.SplitAfter(string(src), "\n")
	if line < 1 {
		line = 1
	}
	if line > len(lines) {
		line = len(lines)
	}
	lineStart := 0
	for i := 0; i < line-1; i++ {
		lineStart += len(lines[i])
	}
	col = pe.Position.Start - lineStart + 1
	if line >= 1 && line <= len(lines) && (col < 1 || col > len(lines[line-1])+1) {
		col = 1
	}
	if col < 1 {
		col = 1
	}
	return line, col
}

func syntaxHint(pe toml.ParseError) string {
	switch {
	case strings.Contains(pe.Message, "invalid datetime"):
		return "write a real calendar date as YYYY-MM-DD, without quotes"
	case strings.Contains(pe.Message, "duplicate key") || strings.Contains(pe.Message, "has already been defined"):
		return "each key may appear once in a table; remove or merge the repeated one"
	case strings.Contains(pe.Message, `expected value but found '\n'`):
		return "the key has no value: write its value after the =, or delete the line"
	case strings.Contains(pe.Message, "expected value but found"), strings.Contains(pe.Message, "bare keys cannot contain"):
		return `put text in double quotes ("like this") and dates as YYYY-MM-DD without quotes`
	}
	return "fix the TOML syntax at this position (https://toml.io/en/v1.0.0)"
}

// The decoder reports a type mismatch as plain text with a line and the key
// it was decoding: toml: line 7 (last key "levels.negotiation"): incompatible
// types: TOML value has type string; destination has type integer
var typeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
var incompatible = regexp.MustCompile(`TOML value has type (.+); destination has type (.+)$`)

func typeProblem(path string, src []byte, err error) Problem {
	p := Problem{Path: path, Severity: Error, Message: strings.TrimPrefix(err.Error(), "toml: ")}
	m := typeErr.FindStringSubmatch(err.Error())
	if m == nil {
		return p
	}
	key := m[2]
	p.Line, _ = strconv.Atoi(m[1])
	if p.Line > 0 {
		p.Col = valueColumn(indexSource(string(src)), p.Line)
	}
	name := key[strings.LastIndexByte(key, '.')+1:]
	if t := incompatible.FindStringSubmatch(m[3]); t != nil {
		p.Message = fmt.Sprintf("%q must be %s, not %s", name, dstTypeName(t[2]), srcTypeName(t[1]))
		p.Hint = typeHint(t[2])
		if t[1] == "float64" && p.Line > 0 {
			// A NaN or an infinity decodes as a float: name it, not "a
			// decimal number".
			if line, col, word := nonFinite(src, p.Line, name); line > 0 {
				p.Line, p.Col = line, col
				p.Message = fmt.Sprintf("%q must be %s, not %s", name, dstTypeName(t[2]), notANumber(wordValue(word)))
			}
		}
		return p
	}
	p.Message = fmt.Sprintf("%q: %s", name, m[3])
	return p
}

// valueColumn is the column of the first value that starts on line, or 1.
func valueColumn(ix *sourceIndex, line int) int {
	col := 0
	for _, pos := range ix.values {
		if pos.Line == line && (col == 0 || pos.Col < col) {
			col = pos.Col
		}
	}
	if col == 0 {
		return 1
	}
	return col
}

// nonFinite finds name = nan (or inf) in src and returns the line, column
// and word of the value. The decoder's line for a key of an array of tables
// can be another element's, so the line it gives is tried first, then the
// whole file.
func nonFinite(src []byte, line int, name string) (int, int, string) {
	re, err := regexp.Compile(`(?:^|[\s{,.])` + regexp.QuoteMeta(name) + `\s*=\s*([+-]?(?:nan|inf))(?:$|[\s,\]}#])`)
	if err != nil {
		return 0, 0, ""
	}
	lines := strings.Split(string(src), "\n")
	order := []int{line - 1}
	for i := range lines {
		order = append(order, i)
	}
	for _, i := range order {
		if i < 0 || i >= len(lines) {
			continue
		}
		if m := re.FindStringSubmatchIndex(lines[i]); m != nil {
			return i + 1, m[2] + 1, lines[i][m[2]:m[3]]
		}
	}
	return 0, 0, ""
}

func wordValue(word string) float64 {
	switch strings.TrimPrefix(word, "+") {
	case "inf":
		return math.Inf(1)
	case "-inf":
		return math.Inf(-1)
	}
	return math.NaN()
}

func srcTypeName(goType string) string {
	switch goType {
	case "int64":
		return "an integer"
	case "float64":
		return "a decimal number"
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "time.Time":
		return "a date or time"
	case "map[string]any":
		return "a table"
	case "[]map[string]any":
		return "an array of tables"
	}
	if strings.HasPrefix(goType, "[]") {
		return "an array"
	}
	return goType
}

func dstTypeName(t string) string {
	switch t {
	case "integer":
		return "a whole number"
	case "float":
		return "a number"
	case "string", "primitive (string-like)":
		return "a string"
	case "boolean":
		return "true or false"
	case "slice":
		return "an array"
	case "map":
		return "a table"
	}
	return t
}

func typeHint(dst string) string {
	switch dst {
	case "integer":
		return "write the number without quotes, like 3"
	case "string", "primitive (string-like)":
		return `put the text in double quotes, like "text"`
	case "slice":
		return `write a list in brackets, like ["a", "b"]`
	}
	return ""
}

// unknownKeys reports every key the decoder could not place in t.
func unknownKeys(path string, ix *sourceIndex, undecoded []toml.Key, t reflect.Type) Problems {
	var out Problems
	used := map[string]int{} // stripped path -> occurrences already reported
	for _, key := range undecoded {
		valid, ok := keysAt(t, key[:len(key)-1])
		if !ok {
			// Inside a map or a free-form table such as [private]: the
			// decoder keeps the value whole and does not mark its keys.
			continue
		}
		name := key[len(key)-1]
		where := "at the top level"
		if len(key) > 1 {
			where = "in [" + strings.Join(key[:len(key)-1], ".") + "]"
		}
		pos := occurrence(ix, key, used)
		p := Problem{Path: path, Line: pos.Line, Col: pos.Col, Severity: Error,
			Message: fmt.Sprintf("unknown key %q %s", name, where)}
		if len(valid) > 0 {
			p.Hint = suggest("key", name, valid)
		}
		out = append(out, p)
	}
	return out
}

// miscasedKeys reports keys that the decoder accepted only because it ignores
// case: `Name = "x"` must be written `name = "x"`.
func miscasedKeys(path string, ix *sourceIndex, md toml.MetaData, undecodedKeys []toml.Key, t reflect.Type) Problems {
	var out Problems
	var undecoded map[string]bool
	if len(undecodedKeys) > 0 {
		undecoded = make(map[string]bool, len(undecodedKeys))
		for _, k := range undecodedKeys {
			undecoded[k.String()] = true
		}
	}
	// checked gives the keys valid beside key, and whether key is one this
	// check looks at: decoded, and in a struct (in a map any key is allowed).
	checked := func(key toml.Key) ([]string, bool) {
		if undecoded != nil && undecoded[key.String()] {
			return nil, false
		}
		return keysAt(t, key[:len(key)-1])
	}
	keys := md.Keys()
	for i, key := range keys {
		valid, ok := checked(key)
		if !ok {
			continue
		}
		name := key[len(key)-1]
		if slices.Contains(valid, name) {
			continue // the common case, which needs no position
		}
		var pos position
		located := false
		for _, v := range valid {
			if strings.EqualFold(v, name) {
				if !located {
					pos, located = nthOccurrence(ix, keys[:i+1], checked), true
				}
				out = append(out, Problem{Path: path, Line: pos.Line, Col: pos.Col, Severity: Error,
					Message: fmt.Sprintf("key %q is written in the wrong case", name),
					Hint:    fmt.Sprintf("write it %q: keys are case-sensitive", v)})
			}
		}
	}
	return out
}

// nthOccurrence is where the last of keys stands in the source: its n-th
// occurrence, n counting the keys before it of the same path that counted
// says were looked at.
func nthOccurrence(ix *sourceIndex, keys []toml.Key, counted func(toml.Key) ([]string, bool)) position {
	key := keys[len(keys)-1]
	want := strings.Join(key, ".")
	used := map[string]int{}
	for _, k := range keys[:len(keys)-1] {
		if _, ok := counted(k); ok && strings.Join(k, ".") == want {
			used[want]++
		}
	}
	return occurrence(ix, key, used)
}

// occurrence finds where the n-th occurrence of key (a path without array
// indices, as the metadata gives it) stands in the source, counting the
// occurrences already used.
func occurrence(ix *sourceIndex, key toml.Key, used map[string]int) position {
	want := strings.Join(key, ".")
	found := ix.occurrences()[want]
	n := used[want]
	used[want]++
	if n < len(found) {
		return found[n]
	}
	if len(found) > 0 {
		return found[len(found)-1]
	}
	return position{}
}

var indexSuffix = regexp.MustCompile(`\[\d+\]`)

func stripIndices(p string) string { return indexSuffix.ReplaceAllString(p, "") }

// keysAt returns the toml keys of the struct reached from t by following
// parent (a key path, matched without regard to case, as the decoder
// does). ok is false when the path leads into a map or a non-struct value.
// The answer is kept per type and path, for the keys of every file: the
// slice returned is shared, and must not be changed.
func keysAt(t reflect.Type, parent []string) (keys []string, ok bool) {
	k := keysAtKey{t, strings.Join(parent, "\x00")}
	if v, found := keysAtCache.Load(k); found {
		r := v.(keysAtResult)
		return r.keys, r.ok
	}
	keys, ok = findKeysAt(t, parent)
	keysAtCache.Store(k, keysAtResult{slices.Clip(keys), ok})
	return keys, ok
}

type keysAtKey struct {
	t      reflect.Type
	parent string
}

type keysAtResult struct {
	keys []string
	ok   bool
}

var keysAtCache sync.Map // keysAtKey -> keysAtResult

func findKeysAt(t reflect.Type, parent []string) (keys []string, ok bool) {
	t = structType(t)
	for _, name := range parent {
		if t == nil {
			return nil, false
		}
		var next reflect.Type
		for i := 0; i < t.NumField(); i++ {
			if strings.EqualFold(tagName(t.Field(i)), name) {
				next = structType(t.Field(i).Type)
				break
			}
		}
		t = next
	}
	if t == nil {
		return nil, false
	}
	for i := 0; i < t.NumField(); i++ {
		if n := tagName(t.Field(i)); n != "" && n != "-" {
			keys = append(keys, n)
		}
	}
	return keys, true
}

// structType unwraps pointers and slices down to a struct type, or returns nil.
func structType(t reflect.Type) reflect.Type {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

func tagName(f reflect.StructField) string {
	tag := f.Tag.Get("toml")
	if i := strings.IndexByte(tag, ','); i >= 0 {
		tag = tag[:i]
	}
	if tag == "" && f.IsExported() {
		return f.Name
	}
	return tag
}

// fillLenient sets the fields of the struct v points to from tree, a
// decoded TOML table, by their toml tags (matched exactly, as written): a
// value of a field's type is kept and any other left out, and so is an
// element of the wrong type in an array. It serves the decoder structs,
// whose fields are strings, any, map[string]any, and slices of strings or
// of such structs.
func fillLenient(v any, tree map[string]any) { fillStruct(reflect.ValueOf(v).Elem(), tree) }

func fillStruct(s reflect.Value, tree map[string]any) {
	for _, f := range tomlFields(s.Type()) {
		if v, ok := tree[f.name]; ok {
			setLenient(s.Field(f.index), v)
		}
	}
}

// setLenient sets dst to v when v has dst's type, and reports whether it did.
func setLenient(dst reflect.Value, v any) bool {
	if v == nil {
		return false
	}
	switch dst.Kind() {
	case reflect.Interface:
		if p, ok := dst.Addr().Interface().(*any); ok {
			*p = v // without boxing v again, as dst.Set would
			return true
		}
		dst.Set(reflect.ValueOf(v))
		return true
	case reflect.String:
		s, ok := v.(string)
		if ok {
			dst.SetString(s)
		}
		return ok
	case reflect.Map:
		t, ok := v.(map[string]any)
		if ok && dst.Type() == reflect.TypeOf(t) {
			dst.Set(reflect.ValueOf(t))
			return true
		}
	case reflect.Struct:
		t, ok := v.(map[string]any)
		if ok {
			fillStruct(dst, t)
		}
		return ok
	case reflect.Slice:
		// An array is a []any from both parsers; an array of tables is a
		// []map[string]any from BurntSushi/toml.
		var items []any
		switch l := v.(type) {
		case []any:
			items = l
		case []map[string]any:
			items = make([]any, len(l))
			for i, t := range l {
				items[i] = t
			}
		default:
			return false
		}
		out := reflect.MakeSlice(dst.Type(), len(items), len(items))
		n := 0
		for _, item := range items {
			if setLenient(out.Index(n), item) {
				n++
			}
		}
		dst.Set(out.Slice(0, n))
		return true
	}
	return false
}

type tomlField struct {
	index int
	name  string
}

var tomlFieldsCache sync.Map // reflect.Type -> []tomlField

// tomlFields lists the fields of struct type t that have a toml key.
func tomlFields(t reflect.Type) []tomlField {
	if v, ok := tomlFieldsCache.Load(t); ok {
		return v.([]tomlField)
	}
	var out []tomlField
	for i := 0; i < t.NumField(); i++ {
		if n := tagName(t.Field(i)); n != "" && n != "-" {
			out = append(out, tomlField{i, n})
		}
	}
	tomlFieldsCache.Store(t, out)
	return out
}
