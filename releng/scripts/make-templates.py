#!/usr/bin/env python3
"""Writes the module templates (issue 17, item 4) from the seed model: structure only.

municipal: directions 1.1-2.5 in their two groups, each with the six stages of the management
cycle (the generic technological map of seed 000), the generic roles coordinator / responsible
executor / municipal operator, seed 001's function distribution of a district authority (roles,
sections, functions, documents) and seed 000's technological map. school: seed 003's function
distribution (roles, sections, functions, documents) without its school. No persons,
organisations, territories, order numbers or texts of a particular district or school.

Usage: releng/scripts/make-templates.py   (from the repository root; rewrites the two files)
"""
import copy
import xml.etree.ElementTree as ET

XMI = 'http://www.omg.org/XMI'
XSI = 'http://www.w3.org/2001/XMLSchema-instance'
OKO = 'http://oko.dev/model/1.0'
ID = '{%s}id' % XMI
ET.register_namespace('xmi', XMI)
ET.register_namespace('xsi', XSI)
ET.register_namespace('oko', OKO)

seeds = ET.parse('bundles/oko.municipal/samples/seeds.xmi').getroot()
systems = {q.get('code'): q for q in seeds.findall('qualitySystems')}
REFS = ('documents', 'responsibleRoles', 'roles', 'group')


def root(rid, name, description):
    r = ET.Element('{%s}ModelRoot' % OKO, {'{%s}version' % XMI: '2.0', ID: rid, 'name': name,
                                          'description': description})
    return r


def renumber(element, prefix):
    """Prefixes every id under element and every same-file reference to one; drops other references."""
    ids = {e.get(ID) for e in element.iter() if e.get(ID)}
    for e in element.iter():
        if e.get(ID):
            e.set(ID, prefix + e.get(ID))
        for attribute in REFS:
            if attribute in e.attrib and e is not element:
                kept = [prefix + i for i in e.get(attribute).split() if i in ids]
                if kept:
                    e.set(attribute, ' '.join(kept))
                else:
                    del e.attrib[attribute]


def write(r, path):
    ET.indent(r, '  ')
    ET.ElementTree(r).write(path, encoding='UTF-8', xml_declaration=True)
    with open(path, 'a', encoding='utf-8') as f:
        f.write('\n')


# --- municipal ---------------------------------------------------------------------------------
functions = systems['msoko-functions-001']
ishimbay = systems['ishimbay-msoko']
techmap = next(m for m in ishimbay.findall('technologicalMaps') if m.get(ID) == 'tm-000')
m = root('tpl-municipal', 'Шаблон модуля МСОКО',
         'Структура муниципальной системы оценки качества образования: направления 1.1–2.5 с шестью этапами '
         'управленческого цикла, типовые роли и документы. Данных конкретного района нет.')
system = ET.SubElement(m, 'qualitySystems', {ID: 'msoko', 'code': 'msoko-template', 'level': 'MUNICIPALITY',
                                             'name': 'МСОКО (шаблон)'})
for group in ishimbay.findall('directionGroups'):
    ET.SubElement(system, 'directionGroups', {ID: 'dg-' + group.get('code'), 'code': group.get('code'),
                                              'name': group.get('name')})
generic_roles = [('coordinator', 'Координатор направления', 'COORDINATOR'),
                 ('executor', 'Ответственный исполнитель', 'RESPONSIBLE_EXECUTOR'),
                 ('operator', 'Муниципальный оператор', 'MUNICIPAL_OPERATOR')]
for direction in ishimbay.findall('directions'):
    code = direction.get('code')
    d = ET.SubElement(system, 'directions', {ID: 'dir-' + code, 'code': code, 'name': direction.get('name'),
                                             'group': 'dg-' + code.split('.')[0],
                                             'roles': ' '.join('role-' + r[0] for r in generic_roles)})
    for row in techmap.findall('rows'):
        stage = {ID: 'stage-%s-%s' % (code, row.get('number'))}
        for attribute in ('name', 'kind', 'number', 'action', 'coordinatorDuty', 'executorsDuty', 'operatorDuty'):
            if row.get(attribute) is not None:
                stage[attribute] = row.get(attribute)
        ET.SubElement(d, 'stages', stage)
for code, name, kind in generic_roles:
    ET.SubElement(system, 'roles', {ID: 'role-' + code, 'code': code, 'name': name, 'kind': kind})
part = copy.deepcopy(functions)
renumber(part, 'f-')
for child in list(part):
    if child.tag in ('roles', 'sections', 'documents'):
        system.append(child)
tm = copy.deepcopy(techmap)
renumber(tm, 'tm-')
tm.attrib.pop('description', None)
system.append(tm)
write(m, 'bundles/oko.municipal/templates/municipal.xmi')

# --- school ------------------------------------------------------------------------------------
vsoko = copy.deepcopy(systems['vsoko-chel-sosh51'])
renumber(vsoko, 's-')
s = root('tpl-school', 'Шаблон модуля ВСОКО',
         'Структура внутренней системы оценки качества образования школы: распределение функций по разделам, '
         'роли и документы. Данных конкретной школы нет.')
system = ET.SubElement(s, 'qualitySystems', {ID: 'vsoko', 'code': 'vsoko-template', 'level': 'SCHOOL',
                                             'name': 'ВСОКО (шаблон)'})
for child in list(vsoko):
    if child.tag in ('roles', 'sections', 'documents'):
        child.attrib.pop('organisation', None)
        system.append(child)
write(s, 'bundles/oko.school/templates/school.xmi')
