package skills

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/coach-dev/coach/internal/golden"
	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the skill-file schema of the built-in matrix with a
// real JSON Schema validator, asserting formats (dates) as editors do.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema(defaultMatrix(t))))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("skill.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("skill.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns a skill file into the JSON an editor validates: TOML dates
// become "YYYY-MM-DD" strings.
func asJSON(t *testing.T, src string) any {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(src, &v); err != nil {
		t.Fatal(err)
	}
	var conv func(any) any
	conv = func(x any) any {
		switch x := x.(type) {
		case time.Time:
			return x.Format(time.DateOnly)
		case map[string]any:
			for k, e := range x {
				x[k] = conv(e)
			}
		case []map[string]any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = conv(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = conv(e)
			}
		}
		return x
	}
	b, err := json.Marshal(conv(v))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestSchemaAcceptsTheExampleTeam(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("../repo-example/skills/*.toml")
	hist, _ := filepath.Glob("../repo-example/history/*-*.toml")
	if len(files) < 5 {
		t.Fatalf("found %d example files", len(files))
	}
	for _, f := range append(files, hist...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(asJSON(t, string(src))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// Each bad input of the validator that a schema can express is rejected.
func TestSchemaRejectsBadInput(t *testing.T) {
	s := compileSchema(t)
	base := "name = \"A\"\nrole = \"pm\"\n"
	tests := []struct{ name, src, want string }{
		{"unknown key", base + "colour = \"blue\"\n", "colour"},
		{"wrong case", "Name = \"A\"\nrole = \"pm\"\n", "Name"},
		{"missing name", "role = \"pm\"\n", "name"},
		{"unknown role", "name = \"A\"\nrole = \"senior-pmm\"\n", "at '/role'"},
		{"unknown target", base + "target = \"boss\"\n", "at '/target'"},
		{"unknown skill in levels", base + "[levels]\nnegotiaton = 2\n", "negotiaton"},
		{"level above the scale", base + "[levels]\nnegotiation = 7\n", "maximum"},
		{"level below the scale", base + "[levels]\nnegotiation = 0\n", "minimum"},
		{"level as a string", base + "[levels]\nnegotiation = \"3\"\n", "integer"},
		{"unknown skill in self", base + "[self]\nhirng = 2\n", "hirng"},
		{"unknown focus skill", base + "focus = [\"negotiaton\"]\n", "at '/focus/0'"},
		{"goal names an unknown skill", base + "[[goal]]\ntext = \"x\"\nskills = [\"hirng\"]\n", "at '/goal/0/skills/0'"},
		{"evidence names an unknown skill", base + "[[evidence]]\ndate = 2026-01-01\nskill = \"hirng\"\ntext = \"x\"\n", "at '/evidence/0/skill'"},
		{"a date that is not a date", base + "[[goal]]\ntext = \"x\"\ndue = \"soon\"\n", "date"},
		{"evidence without a date", base + "[[evidence]]\nskill = \"hiring\"\ntext = \"x\"\n", "date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Validate(asJSON(t, tt.src))
			if err == nil {
				t.Fatalf("accepted:\n%s", tt.src)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error does not mention %q:\n%v", tt.want, err)
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite testdata/skill.schema.json")

// The schema of the built-in matrix is what `coach schema --write` puts in
// a new repository and editors read: a change to it is made on purpose, by
// go test ./skills -update, and read in the diff.
func TestSchemaGolden(t *testing.T) {
	got := Schema(defaultMatrix(t))
	path := filepath.Join("testdata", "skill.schema.json")
	golden.Check(t, path, got, *update)
}

// The schema and the decoder know the same keys: a key added to personFile
// and not to the schema would be marked wrong by every editor, and a key in
// the schema that the decoder does not know would be refused by coach check.
func TestSchemaKnowsTheDecodersKeys(t *testing.T) {
	var schema struct {
		Properties map[string]struct {
			Items struct {
				Properties map[string]any `json:"properties"`
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(Schema(defaultMatrix(t)), &schema); err != nil {
		t.Fatal(err)
	}
	keys := func(t reflect.Type) []string {
		var out []string
		for _, f := range tomlFields(t) {
			out = append(out, f.name)
		}
		slices.Sort(out)
		return out
	}
	tables := []struct {
		name   string
		schema map[string]any
		struc  reflect.Type
	}{
		{"top level", nil, reflect.TypeFor[personFile]()},
		{"goal", schema.Properties["goal"].Items.Properties, fieldType(t, "Goals")},
		{"evidence", schema.Properties["evidence"].Items.Properties, fieldType(t, "Evidence")},
	}
	tables[0].schema = map[string]any{}
	for k := range schema.Properties {
		tables[0].schema[k] = nil
	}
	for _, tt := range tables {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(keys(tt.struc), slices.Sorted(maps.Keys(tt.schema))); diff != "" {
				t.Errorf("(-decoder +schema):\n%s", diff)
			}
		})
	}
}

// fieldType is the element type of personFile's field name.
func fieldType(t *testing.T, name string) reflect.Type {
	t.Helper()
	f, ok := reflect.TypeFor[personFile]().FieldByName(name)
	if !ok {
		t.Fatalf("personFile has no field %s", name)
	}
	return f.Type.Elem()
}
