// C library declarations the Glibc module does not export: mallopt from <malloc.h>, and the CPU-set
// macros of <sched.h> (macros do not reach Swift), wrapped in two small functions.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <malloc.h>
#include <pthread.h>
#include <sched.h>

/// Restricts threads created with `attributes` to the CPUs the caller may use other than the one it
/// runs on, saving the caller's own set in `allowed`. Returns 0, or -1 when there is no other CPU.
static inline int csystem_attr_other_cpus(pthread_attr_t *attributes, cpu_set_t *allowed) {
    int here = sched_getcpu();
    if (here < 0 || sched_getaffinity(0, sizeof(cpu_set_t), allowed) != 0) return -1;
    cpu_set_t others = *allowed;
    if (here < CPU_SETSIZE) CPU_CLR(here, &others);
    if (CPU_COUNT(&others) == 0) return -1;
    return pthread_attr_setaffinity_np(attributes, sizeof(cpu_set_t), &others) == 0 ? 0 : -1;
}

/// Lets the calling thread run on every CPU of `allowed` again.
static inline void csystem_set_own_cpus(const cpu_set_t *allowed) {
    pthread_setaffinity_np(pthread_self(), sizeof(cpu_set_t), allowed);
}

/// The CPUs the calling thread may run on. Returns 0, or -1 on failure.
static inline int csystem_get_own_cpus(cpu_set_t *allowed) {
    return pthread_getaffinity_np(pthread_self(), sizeof(cpu_set_t), allowed) == 0 ? 0 : -1;
}
