# A thin wrapper over CMake for the quick start; CMake is the build.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all check sanitize valgrind coverage fuzz bench install clean

all:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

# Builds with warnings as errors and runs every test.
check:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRAS_WERROR=ON -DRAS_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan --output-on-failure -j $(JOBS)

# The end-to-end tests once under valgrind.
valgrind: all
	RAS_WRAPPER="valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=99" \
	  ctest --test-dir $(BUILD) -L e2e --output-on-failure -j $(JOBS)

# Line and branch coverage of the library. The file-size-limit tests are
# left out here: the limit also stops gcov writing its counters at exit.
coverage:
	cmake -S . -B build-cov -DCMAKE_BUILD_TYPE=Debug -DRAS_COVERAGE=ON
	cmake --build build-cov -j $(JOBS)
	ctest --test-dir build-cov -j $(JOBS) --output-on-failure -E 'file-too-large'
	gcovr -r . --filter src/lib/ --branches --print-summary build-cov

fuzz:
	bash tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

bench:
	bash tests/bench/run.sh

install: all
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-cov build-fuzz
