package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/coach-dev/coach/internal/jsonout"
	"github.com/coach-dev/coach/plans"
	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// exampleTeam makes the example team once for the tests of this file and
// returns a copy of it for the test to change.
var exampleTeam = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "coach-contract-")
	if err != nil {
		return "", err
	}
	var stderr bytes.Buffer
	if code := run([]string{"coach", "init", "--example", filepath.Join(dir, "team")}, &bytes.Buffer{}, &stderr); code != 0 {
		return "", &usageError{msg: stderr.String()}
	}
	return filepath.Join(dir, "team"), nil
})

func teamDir(t *testing.T) string {
	t.Helper()
	t.Setenv("TZ", "UTC")
	src, err := exampleTeam()
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "team")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// coach runs coach with args and returns its stdout, stderr and exit status.
func coach(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"coach"}, args...), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// TestJSONContract runs every command with --format json on the example
// team, compares the output with testdata/json/NAME.json (-update rewrites
// them) and validates it against the output's schema.
func TestJSONContract(t *testing.T) {
	valid, dir := teamDir(t), teamDir(t)
	// A file with errors: plan and agenda write none and say why (every plan
	// depends on the whole team), check and diff report it.
	broken := "name = \"Zoe Broken\"\nrole = \"pm\"\n\n[levels]\ncoaching = 9\n"
	if err := os.WriteFile(filepath.Join(dir, "skills", "zoe.toml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		schema string
		args   []string
		code   int
	}{
		{"plan-one", "plans", []string{"plan", "alice", "--format", "json"}, 0},
		{"plan-invalid", "plans", []string{"plan", "alice", "zoe", "--format", "json"}, 1},
		{"agenda-one", "agendas", []string{"agenda", "ben", "--week", "2026-W48", "--format", "json"}, 0},
		{"agenda-invalid", "agendas", []string{"agenda", "ben", "--week", "2026-W48", "--format", "json"}, 1},
		{"history-one", "history", []string{"history", "ben", "--format", "json"}, 0},
		{"history-all", "history", []string{"history", "--all", "--format", "json", "--since", "2026-10-01"}, 0},
		{"diff", "diff", []string{"diff", "--base", "HEAD~7", "--format", "json"}, 1},
		{"check", "check", []string{"check", "--format", "json"}, 1},
		{"promo-one", "promotions", []string{"promo", "nora", "--format", "json"}, 0},
		{"calibrate-one", "calibration_packet", []string{"calibrate", "--format", "json"}, 0},
		{"review-one", "reviews", []string{"review", "chloe", "--period", "2026-Q4", "--format", "json"}, 0},
	}
	schemas := compileSchemas(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := dir
			if strings.HasSuffix(tt.name, "-one") {
				in = valid
			}
			out, stderr, code := coach(t, append([]string{"-C", in}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			validate(t, schemas[tt.schema], out)
			golden := filepath.Join("testdata", "json", tt.name+".json")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), out); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
	// One name or many: the same shape.
	one, _, _ := coach(t, "-C", valid, "plan", "alice", "--format", "json")
	two, _, _ := coach(t, "-C", valid, "plan", "alice", "ben", "--format", "json")
	var a, b map[string]any
	if err := json.Unmarshal([]byte(one), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(two), &b); err != nil {
		t.Fatal(err)
	}
	if len(a["plans"].([]any)) != 1 || len(b["plans"].([]any)) != 2 {
		t.Errorf("plan alice gave %d plans and plan alice ben %d, want 1 and 2", len(a["plans"].([]any)), len(b["plans"].([]any)))
	}
}

// TestGoldenJSONMatchesSchema validates every golden JSON file under
// testdata, those of the scripts included, against the schema of its key.
func TestGoldenJSONMatchesSchema(t *testing.T) {
	schemas := compileSchemas(t)
	files, err := filepath.Glob(filepath.Join("testdata", "json", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(jsonout.Outputs) {
		t.Fatalf("found %d golden JSON files, want one per output at least", len(files))
	}
	golden := map[string][]byte{}
	for _, f := range files {
		if golden[f], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	scripts, err := filepath.Glob(filepath.Join("testdata", "script", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range scripts {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range a.Files {
			if strings.HasPrefix(af.Name, "want/") && strings.HasSuffix(af.Name, ".json") {
				golden[f+":"+af.Name] = af.Data
			}
		}
	}
	for f, data := range golden {
		var v map[string]any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		found := false
		for key, s := range schemas {
			if _, ok := v[key]; ok {
				t.Logf("%s: %s", f, key)
				validate(t, s, string(data))
				found = true
			}
		}
		if !found {
			t.Errorf("%s has no key of a known output", f)
		}
	}
}

func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat() // a date that is not a date fails
	out := map[string]*jsonschema.Schema{}
	for _, o := range jsonout.Outputs {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(o.Schema()))
		if err != nil {
			t.Fatal(err)
		}
		url := "mem://" + o.Key + ".schema.json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[o.Key], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", o.Key, err)
		}
	}
	// coach team's output keeps its sections at the top level beside
	// "version" (issue 15's contract); its heatmap names it.
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(plans.TeamSchema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("mem://team.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	if out["heatmap"], err = c.Compile("mem://team.schema.json"); err != nil {
		t.Fatalf("team: %v", err)
	}
	return out
}

func validate(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("does not match its schema: %v", err)
	}
}

// TestSchemasReject checks that the schemas hold the contract, not just
// any JSON: each case breaks one rule of a valid output.
func TestSchemasReject(t *testing.T) {
	schemas := compileSchemas(t)
	valid, err := os.ReadFile(filepath.Join("testdata", "json", "history-one.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, from, to string }{
		{"another version", `"version": 2`, `"version": 3`},
		{"a commit time that is not RFC 3339", `"date": "2026-`, `"date": "yesterday 2026-`},
		{"a person without a name", `"name": "Ben Okoro"`, `"nom": "Ben Okoro"`},
		{"a list that is null", `"changes": [`, `"changes": null, "x": [`},
		{"an unknown key", `"version": 2`, `"version": 2, "extra": true`},
	}
	if err := schemas["history"].Validate(mustJSON(t, string(valid))); err != nil {
		t.Fatalf("the valid output fails: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(string(valid), tt.from, tt.to, 1)
			if bad == string(valid) {
				t.Fatalf("%q is not in the output", tt.from)
			}
			if err := schemas["history"].Validate(mustJSON(t, bad)); err == nil {
				t.Errorf("the schema accepts %s", tt.name)
			}
		})
	}
}

func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaOutputWritesEverySchema: coach schema --output writes the
// schema of the skill file and of every JSON output, coach team's included
// (issue 22 found it left out), each a valid draft 2020-12 schema without a
// union of types ("type": [...]), which Ajv's strict mode refuses.
func TestSchemaOutputWritesEverySchema(t *testing.T) {
	dir := teamDir(t)
	out := filepath.Join(t.TempDir(), "schemas")
	if _, stderr, code := coach(t, "-C", dir, "schema", "--output", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, err := filepath.Glob(filepath.Join(out, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	want := []string{"agendas.schema.json", "calibration_packet.schema.json", "check.schema.json", "diff.schema.json", "history.schema.json",
		"plans.schema.json", "promotions.schema.json", "reviews.schema.json", "skill.schema.json", "team.schema.json"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("schemas written (-want +got):\n%s", diff)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("mem://"+filepath.Base(f), doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := c.Compile("mem://" + filepath.Base(f)); err != nil {
			t.Errorf("%s is not a valid schema: %v", filepath.Base(f), err)
		}
		for _, at := range typeArrays(doc, "") {
			t.Errorf("%s: a union of types at %s", filepath.Base(f), at)
		}
	}
}

// typeArrays lists where v, a decoded schema, has "type" with a list.
func typeArrays(v any, at string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["type"].([]any); ok {
			out = append(out, at+"/type")
		}
		for k, e := range v {
			out = append(out, typeArrays(e, at+"/"+k)...)
		}
	case []any:
		for i, e := range v {
			out = append(out, typeArrays(e, fmt.Sprintf("%s/%d", at, i))...)
		}
	}
	return out
}
