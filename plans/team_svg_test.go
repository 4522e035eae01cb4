package plans

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/internal/golden"
	"github.com/coach-dev/coach/skills"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// buildTeam builds the team view of people, each with their plan, as coach
// team does.
func buildTeam(t *testing.T, m *skills.Matrix, cfg skills.Config, people []*skills.Person) *Team {
	t.Helper()
	plans := map[string]*Plan{}
	ix := IndexTeam(m, cfg, people)
	for _, p := range people {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: people, Index: ix})
		if err != nil {
			t.Fatal(err)
		}
		plans[p.ID] = pl
	}
	team, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: people, Plans: plans, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	return team
}

// TestTeamSVGIsXML draws the heatmap of a team whose names hold what XML
// must escape or cannot hold at all ("--" as in a comment, markup, a
// control character a TOML escape lets through), compares it with
// testdata/svg/team.svg (-update rewrites it), and parses it, and every
// golden chart, as XML, strictly: issue 22 found the marker comment held
// "--", which XML forbids, so no XML reader opened a chart coach drew.
func TestTeamSVGIsXML(t *testing.T) {
	m := defaultMatrix(t)
	cfg := skills.DefaultConfig()
	cfg.Leaders = []skills.Leader{{ID: "lead", Name: "Lead -- <Head> & \"Co\""}}
	people := []*skills.Person{
		{ID: "a", Name: "Ann -- Ops", Role: "gpm", Manager: "lead", Levels: map[string]int{"communication": 4, "negotiation": 2}},
		{ID: "b", Name: "Bo \x01 <b>", Role: "pm", Manager: "a", Levels: map[string]int{"communication": 3}},
	}
	got := buildTeam(t, m, cfg, people).SVG()
	if err := parseXML(got); err != nil {
		t.Errorf("the heatmap is not XML: %v", err)
	}
	path := filepath.Join("testdata", "svg", "team.svg")
	golden.Check(t, path, got, *update)
	goldens, err := filepath.Glob(filepath.Join("..", "*", "testdata", "svg", "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(goldens) < 4 {
		t.Fatalf("found %d golden charts (%v), want the team's and history's", len(goldens), goldens)
	}
	for _, file := range goldens {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := parseXML(data); err != nil {
			t.Errorf("%s is not XML: %v", file, err)
		}
	}
}

// parseXML reads data as one XML document, strictly: a single svg element
// in the SVG namespace, nothing but white space around it.
func parseXML(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Space != "http://www.w3.org/2000/svg" || tok.Name.Local != "svg" {
					return errors.New("the root element is not an svg element")
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				return errors.New("text outside the svg element")
			}
		}
	}
	if roots != 1 {
		return errors.New("not exactly one root element")
	}
	return nil
}
