#!/bin/sh
echo forward
