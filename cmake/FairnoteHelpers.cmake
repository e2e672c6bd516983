# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# fairnote_add_test(NAME SOURCES ... LIBS ... [GUI]): one Catch2 executable registered with CTest.
# GUI tests run on Qt's offscreen platform so they need no X server.
function(fairnote_add_test name)
  cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${CMAKE_SOURCE_DIR}/tests/catch_main.cpp)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  add_test(NAME ${name} COMMAND ${name})
  set(env "FAIRNOTE_CORPUS_DIR=${FAIRNOTE_CORPUS_DIR};FAIRNOTE_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
  if(ARG_GUI)
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 600)
  # At the end of the folder (after any fairnote_module_private_access): its includes keep to core's public
  # headers (cmake/FairnoteModules.cmake).
  cmake_language(EVAL CODE "cmake_language(DEFER CALL fairnote_check_includes [[${name}]])")
endfunction()
