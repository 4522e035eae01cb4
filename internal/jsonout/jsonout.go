// Package jsonout writes coach's JSON outputs (indented, lists never null,
// control characters escaped) and derives the JSON Schema of each from its
// Go type.
package jsonout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
)

// Write writes v indented, with every nil list written as [] rather
// than null: the contract's lists are always lists.
func Write(w io.Writer, v any) error {
	rv := reflect.New(reflect.TypeOf(v))
	rv.Elem().Set(reflect.ValueOf(v))
	FillLists(rv)
	v = rv.Elem().Interface()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(EscapeControls(buf.Bytes()))
	return err
}

// EscapeControls writes the control characters encoding/json leaves
// raw in its strings (DEL, the C1 controls, the bidirectional overrides:
// see skills.IsControl) as \u escapes, so that JSON printed to a terminal
// cannot drive it. The JSON means the same: only how a string is spelled
// changes.
func EscapeControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7f && skills.IsControl(r) }) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x7f && skills.IsControl(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

// FillLists replaces every nil slice reachable from v through pointers,
// structs and slices with an empty one, so that JSON shows [] and not null.
func FillLists(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			FillLists(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				FillLists(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			if v.CanSet() {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			}
			return
		}
		for i := range v.Len() {
			FillLists(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if e := v.MapIndex(k); e.Kind() == reflect.Pointer {
				FillLists(e)
			}
		}
	}
}

// Schema is the JSON Schema (draft 2020-12) of one output, derived
// from its Go type: every field that encoding/json always writes is
// required, and no other key is allowed, so a test that validates the
// outputs against their schemas catches a field that drifts. Named structs
// become $defs, which is what lets a list item hold items.
func Schema(key, title string, version int, typ reflect.Type) []byte {
	g := &schemaGen{defs: obj{}}
	s := g.inline(typ)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://coach.dev/schema/" + key + ".schema.json"
	s["title"] = title
	s["description"] = fmt.Sprintf("The output of %s, version %d of coach's JSON contract: additive changes keep the version, a removal or a change of meaning bumps it.", title, version)
	s["properties"].(obj)["version"] = obj{"const": version}
	s["$defs"] = g.defs
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // maps of strings, numbers and slices always marshal
	}
	return append(b, '\n')
}

type obj = map[string]any

var (
	timeType = reflect.TypeFor[time.Time]()
	anyType  = reflect.TypeFor[any]()
)

type schemaGen struct{ defs obj }

// dateKeys are the keys whose strings are dates, YYYY-MM-DD.
var dateKeys = map[string]bool{"date": true, "due": true, "on": true, "plan_start": true, "start": true}

// schema is t's schema, a reference to $defs for a named struct.
func (g *schemaGen) schema(t reflect.Type) obj {
	if t.Kind() != reflect.Struct || t.Name() == "" || t == timeType {
		return g.inline(t)
	}
	name, ok := defNames[t]
	if !ok {
		name = strings.ReplaceAll(t.String(), ".", "-")
	}
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = obj{} // a placeholder while t's fields refer to t
		g.defs[name] = g.inline(t)
	}
	return obj{"$ref": "#/$defs/" + name}
}

func (g *schemaGen) inline(t reflect.Type) obj {
	switch {
	case t == timeType:
		return obj{"type": "string", "format": "date-time"}
	case t == anyType:
		// One type a branch, never "type": [...]: Ajv's strict mode
		// refuses union types.
		return obj{"oneOf": []obj{{"type": "integer"}, {"type": "string"}, {"type": "null"}}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return obj{"anyOf": []obj{g.schema(t.Elem()), {"type": "null"}}}
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return obj{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return obj{"type": "number"}
	case reflect.Slice:
		return obj{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		props, required := obj{}, []string{}
		g.fields(t, props, &required)
		sort.Strings(required)
		return obj{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	}
	panic("no JSON schema for " + t.String())
}

// fields adds t's JSON fields to props, following encoding/json's rules for
// tags and embedded structs.
func (g *schemaGen) fields(t reflect.Type, props obj, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, props, required)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.schema(ft)
		if ft.Kind() == reflect.String {
			// The contract's dates: a key that names a date holds
			// YYYY-MM-DD, unless its field says otherwise.
			switch format := f.Tag.Get("format"); {
			case format != "":
				props[name] = obj{"type": "string", "format": format}
			case dateKeys[name]:
				props[name] = obj{"type": "string", "format": "date"}
			}
		}
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
	}
}
