package history

// generations is the cache policy of the walk: two generations of entries,
// the recent one and the one before it. When the recent generation is full
// it becomes the older one and the older one is dropped whole, so the cache
// costs a map lookup and no list to keep. An entry found in the older
// generation moves to the recent one. Two caches use it: decoded skill file
// versions (counted) and resolved pack objects (by size).
type generations[K comparable, V any] struct {
	limit, size   int         // of the recent generation, in cost units
	cost          func(V) int // nil: each entry costs 1
	recent, older map[K]V
}

func (g *generations[K, V]) get(k K) (V, bool) {
	if v, ok := g.recent[k]; ok {
		return v, true
	}
	v, ok := g.older[k]
	if ok {
		g.put(k, v)
	}
	return v, ok
}

func (g *generations[K, V]) put(k K, v V) {
	c := 1
	if g.cost != nil {
		c = g.cost(v)
	}
	if g.recent == nil || g.size+c > g.limit {
		g.older, g.recent, g.size = g.recent, map[K]V{}, 0
	}
	g.recent[k] = v
	g.size += c
}
