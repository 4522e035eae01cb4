package skills

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIndexSource(t *testing.T) {
	src := `# a comment with key = "value"
name = "Alice"   # trailing
"quoted key" = 1
dotted.key = 2
multi = """
not_a_key = 3
"""
list = [
  "a", # comment ]
  'b',
]

[levels]
negotiation = 2

[[goal]]
text = "first"
due = 2027-03-31

[[goal]]
text = "second"

[[skill]]
id = "x"
expect = { apm = 1, pm = 2 }
[[skill.action]]
to = 2
[[skill.action]]
to = 3

[[skill]]
id = "y"
[[skill.action]]
to = 4
[skill.extra]
k = 1
`
	ix := indexSource(src)
	tests := []struct {
		path     string
		key, val position
	}{
		{"name", position{2, 1}, position{2, 8}},
		{"quoted key", position{3, 1}, position{3, 16}},
		{"dotted.key", position{4, 1}, position{4, 14}},
		{"multi", position{5, 1}, position{5, 9}},
		{"list", position{8, 1}, position{8, 8}},
		{"list[0]", position{8, 1}, position{9, 3}},
		{"list[1]", position{8, 1}, position{10, 3}},
		{"levels", position{13, 1}, position{13, 1}},
		{"levels.negotiation", position{14, 1}, position{14, 15}},
		{"goal[0]", position{16, 1}, position{16, 1}},
		{"goal[0].due", position{18, 1}, position{18, 7}},
		{"goal[1].text", position{21, 1}, position{21, 8}},
		{"skill[0].expect.pm", position{25, 21}, position{25, 26}},
		{"skill[0].action[1].to", position{29, 1}, position{29, 6}},
		{"skill[1].action[0].to", position{34, 1}, position{34, 6}},
		{"skill[1].extra.k", position{36, 1}, position{36, 5}},
		// Not in the source: the nearest enclosing key.
		{"goal[1].due", position{20, 1}, position{20, 1}},
		{"levels.coaching", position{13, 1}, position{13, 1}},
		{"missing", position{1, 1}, position{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if diff := cmp.Diff(tt.key, ix.keyPos(tt.path)); diff != "" {
				t.Errorf("keyPos(%q) (-want +got):\n%s", tt.path, diff)
			}
			if diff := cmp.Diff(tt.val, ix.valuePos(tt.path)); diff != "" {
				t.Errorf("valuePos(%q) (-want +got):\n%s", tt.path, diff)
			}
		})
	}
	if _, ok := ix.keys["not_a_key"]; ok {
		t.Error("a line inside a multi-line string was indexed as a key")
	}
}

func TestIndexSourceNeverStalls(t *testing.T) {
	// Malformed text must still be consumed to the end without a panic.
	for _, src := range []string{"[", "[[", "a = [", `a = """`, "a = {", "= 1", "]]]", "a.\n", "'", "a = [1,,2]", "\x00\xff"} {
		indexSource(src)
	}
}
