package skills

// Text from a user's files reaches terminals (history, diff, notes, plan
// --stdout, every message), and a terminal obeys the control characters in
// what it prints: ESC starts a sequence that can recolour, move the cursor,
// retitle the window or write the clipboard (OSC 52), BEL rings, a C1
// character is an ESC of its own to many terminals, and a bidirectional
// override makes text read in another order than it is stored. So a field
// holding one is an error that check reports, and everything coach prints
// goes through EscapeControls, which shows such a character instead of
// sending it.

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// IsControl reports whether r is a character coach never lets through to a
// terminal: a C0 control (tab and line feed aside), DEL, a C1 control, a
// bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to
// U+2069), or a line or paragraph separator (U+2028, U+2029).
func IsControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// unsafeByte marks the bytes that may be part of a character IsControl is
// true of, or of text that is not UTF-8: a string without any is printed
// as it is, without decoding it. 0xc2 starts U+0080..U+00BF (the C1
// controls), 0xe2 starts U+2000..U+2FFF (the bidirectional controls and
// the separators); a continuation byte (0x80..0xbf) is marked too, since
// alone it is not UTF-8, so most text outside ASCII is decoded.
var unsafeByte = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\n'
	}
	for c := 0x7f; c < 0x100; c++ {
		t[c] = c == 0x7f || c == 0xc2 || c == 0xe2 || c < 0xc2 || c > 0xf4
	}
	return t
}()

// MayBeControl reports whether c may be a byte of a character
// [EscapeControls] changes: a string without any such byte is left as it is.
func MayBeControl(c byte) bool { return unsafeByte[c] }

// EscapeControls returns s with every character [IsControl] is true of
// written as an escape (\x1b, \u202e) instead, and every byte that is not
// UTF-8 as \xNN, so that printing it cannot drive a terminal or reorder
// what it shows. Tabs and line feeds are kept, and so is a carriage return
// that ends a line (\r\n); a lone carriage return, which returns the cursor
// to overwrite the line, is escaped.
func EscapeControls(s string) string {
	i := 0
	for i < len(s) && !unsafeByte[s[i]] {
		i++
	}
	if i == len(s) {
		return s
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i-- // back to the start of the character the byte is part of
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf && !unsafeByte[c] {
			b.WriteByte(c)
			i++
			continue
		}
		if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			b.WriteString("\r\n")
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, c)
		case IsControl(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// FirstControl returns the first character of s that [IsControl] is true
// of, and its index in runes; ok is false when there is none. A carriage
// return before a line feed is a line break, not a control.
func FirstControl(s string) (r rune, at int, ok bool) {
	n := 0
	for i, c := range s {
		if IsControl(c) && !(c == '\r' && i+1 < len(s) && s[i+1] == '\n') {
			return c, n, true
		}
		n++
	}
	return 0, 0, false
}

// ControlName names a control character for a message: its code point and,
// for the common ones, what it is ("U+001B (escape)").
func ControlName(r rune) string {
	name := map[rune]string{
		0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed",
		0x0d: "carriage return", 0x1b: "escape", 0x7f: "delete", 0x9b: "control sequence introducer",
		0x9d: "operating system command", 0x2028: "line separator", 0x2029: "paragraph separator",
		0x202a: "left-to-right embedding", 0x202b: "right-to-left embedding", 0x202c: "pop directional formatting",
		0x202d: "left-to-right override", 0x202e: "right-to-left override", 0x2066: "left-to-right isolate",
		0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
	}[r]
	code := "U+" + strings.ToUpper(fmt.Sprintf("%04x", r))
	if name == "" {
		return code + " (a control character)"
	}
	return code + " (" + name + ")"
}

// controlProblems reports every string value of v (a decoded file, walked
// by its toml tags) that holds a control character, at the value's
// position. The [private] table is left alone: notes are ciphertext, and
// plain-text notes are an error of their own.
func controlProblems(path string, src []byte, ix *sourceIndex, v any) Problems {
	var out Problems
	// The key path is built only for a value that holds one: the walk
	// itself allocates nothing, as it runs on every file coach reads.
	var steps []pathStep
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.String:
			r, _, ok := FirstControl(v.String())
			if !ok {
				return
			}
			keyPath := keyPathOf(steps)
			pos := ix.valuePos(keyPath)
			if _, ok := ix.values[keyPath]; ok {
				pos = controlAt(src, pos, r)
			}
			out = append(out, Problem{Path: path, Line: pos.Line, Col: pos.Col, Severity: Error,
				Message: fmt.Sprintf("%q holds the control character %s, which a terminal would obey rather than show",
					lastKey(keyPath), ControlName(r)),
				Hint: "delete it (if it came with pasted text, retype that part)"})
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				name := tagName(f)
				if name == "" || name == "-" || !f.IsExported() || !mayHoldText(f.Type) || (len(steps) == 0 && name == "private") {
					continue
				}
				steps = append(steps, pathStep{key: name, index: -1})
				walk(v.Field(i))
				steps = steps[:len(steps)-1]
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				steps = append(steps, pathStep{index: i})
				walk(v.Index(i))
				steps = steps[:len(steps)-1]
			}
		case reflect.Map:
			if v.Type().Key().Kind() != reflect.String || !mayHoldText(v.Type().Elem()) {
				return
			}
			// In any order: the problems are sorted by position.
			if m, ok := v.Interface().(map[string]any); ok {
				// The common map, a table decoded whole ([levels]),
				// without reflect's copy of every key and value.
				for k, x := range m {
					if x == nil || !mayHoldText(reflect.TypeOf(x)) {
						continue
					}
					steps = append(steps, pathStep{key: k, index: -1})
					walk(reflect.ValueOf(x))
					steps = steps[:len(steps)-1]
				}
				return
			}
			for it := v.MapRange(); it.Next(); {
				steps = append(steps, pathStep{key: it.Key().String(), index: -1})
				walk(it.Value())
				steps = steps[:len(steps)-1]
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// controlAt is where r stands in the literal of the value at pos: written
// as it is, or as a TOML escape (\u001b, \U0000001B, \e, \b, \f, \r).
// It is pos when the literal cannot be read or r is not found in it.
func controlAt(src []byte, pos position, r rune) position {
	start, end, ok := valueSpan(src, pos)
	if !ok {
		return pos
	}
	lit := src[start:end]
	forms := []string{string(r), fmt.Sprintf(`\u%04x`, r), fmt.Sprintf(`\u%04X`, r), fmt.Sprintf(`\U%08x`, r), fmt.Sprintf(`\U%08X`, r)}
	if r < 0x100 {
		forms = append(forms, fmt.Sprintf(`\x%02x`, r), fmt.Sprintf(`\x%02X`, r))
	}
	switch r {
	case 0x08:
		forms = append(forms, `\b`)
	case 0x0c:
		forms = append(forms, `\f`)
	case 0x0d:
		forms = append(forms, `\r`)
	case 0x1b:
		forms = append(forms, `\e`)
	}
	at := -1
	for _, f := range forms {
		if i := bytes.Index(lit, []byte(f)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return pos
	}
	before := lit[:at]
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		return position{pos.Line + bytes.Count(before, []byte("\n")), at - nl}
	}
	return position{pos.Line, pos.Col + at}
}

// mayHoldText reports whether a value of type t can hold a string.
func mayHoldText(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return false
	case reflect.Struct:
		return t != reflect.TypeFor[time.Time]()
	}
	return true
}

// pathStep is a key, or an index (0 or more) into an array.
type pathStep struct {
	key   string
	index int
}

// keyPathOf writes steps as the index writes key paths: goal[1].text.
func keyPathOf(steps []pathStep) string {
	var b strings.Builder
	for _, st := range steps {
		if st.index >= 0 {
			b.WriteString("[" + strconv.Itoa(st.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(st.key)
	}
	return b.String()
}
