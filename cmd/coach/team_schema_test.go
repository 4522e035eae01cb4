package main

import (
	"bytes"
	"testing"

	"github.com/coach-dev/coach/plans"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestTeamJSONSchema validates the example team's golden JSON (in
// testdata/script/team.txtar) against the schema `coach schema --team`
// prints, and checks that the schema rejects what it should.
func TestTeamJSONSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(plans.TeamSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("team.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("team.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("testdata/script/team.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var golden []byte
	for _, f := range ar.Files {
		if f.Name == "want/team.json" {
			golden = f.Data
		}
	}
	if len(golden) == 0 {
		t.Fatal("no want/team.json in team.txtar")
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(golden))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("the golden team.json does not match the schema: %v", err)
	}
	for _, bad := range []string{
		`{"version": 2}`,
		string(bytes.Replace(golden, []byte(`"version": 2,`), []byte(`"version": 2, "self": {},`), 1)),
		string(bytes.Replace(golden, []byte(`"kind": "promotion-below-bar"`), []byte(`"kind": "gossip"`), 1)),
	} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(v) == nil {
			t.Errorf("accepted: %.80s", bad)
		}
	}
}
