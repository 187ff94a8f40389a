// Keeps every part of bhm_core a non-empty library while its folders fill up.
namespace bhm { int core_anchor() { return 0; } }
