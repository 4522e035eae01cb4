package history

import "testing"

func TestGenerations(t *testing.T) {
	g := generations[string, string]{limit: 4, cost: func(v string) int { return len(v) }}
	g.put("a", "aa")
	g.put("b", "bb") // recent: a, b (4)
	g.put("c", "cc") // full: a and b become the older generation
	if _, ok := g.get("a"); !ok {
		t.Fatal("a dropped one generation early")
	}
	// Getting a moved it to the recent generation beside c; d starts a new
	// one, and b, left in the older generation, is dropped.
	g.put("d", "dd")
	for _, k := range []string{"b", "a", "c", "d"} { // a get can move entries: a fixed order
		if _, ok := g.get(k); ok != (k != "b") {
			t.Errorf("%s cached %v", k, ok)
		}
	}
}
